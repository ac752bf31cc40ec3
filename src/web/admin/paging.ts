import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useI18n } from './i18n';

export type TPaging = {
  page: number;
  pageSize: number;
};

/**
 * A server-paged list's page and size, and the antd Table pagination that drives them: a new page
 * size goes back to page 1, the total shows as "共 N 条". `firstPage` is for filter changes.
 */
export function useServerPaging(pageSize = 20) {
  const { t } = useI18n();
  const [paging, setPaging] = useState<TPaging>({ page: 1, pageSize });
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t('common.total', { n }),
    onChange: (page, size) => setPaging({ page: size === paging.pageSize ? page : 1, pageSize: size }),
  });
  return { paging, pagination, firstPage: () => setPaging((p) => ({ ...p, page: 1 })) };
}
