import type { PassThrough } from 'node:stream';
import { panelTable, type TCell, type TCellType } from '../../../domain/dashboards/tables';
import type { TDashboard, TPanelKey } from '../../../domain/dashboards/types';
import { label } from '../../../domain/i18n';
import { AppError } from '../../http/errors';
import { onePage, streamXlsx, type TExcelColumn } from '../../http/excel';

const WIDTH: Record<TCellType, number> = { text: 28, int: 12, hours: 16, percent: 12, month: 10 };
const FORMAT: Partial<Record<TCellType, string>> = { int: '#,##0', hours: '#,##0.0', percent: '0.0%' };

/** The panel's table (as the web app shows it) as an .xlsx: Chinese headers, frozen header row, widths, number formats. */
export function panelWorkbook(d: TDashboard, panel: TPanelKey): PassThrough {
  const table = panelTable(panel, d.panels, 'zh');
  if (!table) throw new AppError('NOT_FOUND');
  const columns: TExcelColumn<Record<string, TCell>>[] = table.columns.map((c) => ({
    header: label(c.label),
    width: Math.max(WIDTH[c.type], label(c.label).length * 2 + 2),
    value: (r) => r[c.key] ?? null,
    ...(FORMAT[c.type] ? { numFmt: FORMAT[c.type]! } : {}),
  }));
  return streamXlsx({ sheet: label(`dash.panel.${panel}`).slice(0, 31).replace(/[\\/?*[\]:]/g, '·'), columns, pages: onePage(table.rows) });
}
