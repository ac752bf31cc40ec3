import type { ButtonProps } from 'antd';

/** Props that put a data-testid on an antd button given through props (e.g. a Modal's okButtonProps). */
export function buttonTestId(id: string): ButtonProps {
  return { 'data-testid': id } as unknown as ButtonProps;
}
