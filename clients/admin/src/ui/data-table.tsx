import {
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useState } from 'react';
import type { CursorPages } from './cursor-pages.hook.js';

export interface ServerPage {
  pages: CursorPages;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  totalCount: number;
}

interface DataTableProps<T> {
  label: string;
  data: T[];
  columns: ColumnDef<T>[];
  rowId: (row: T) => string;
  empty: ReactNode;
  /** The first sort (by column id); headers sort the page on click. */
  initialSort?: SortingState;
  /** Cursor paging under the table. */
  server?: ServerPage;
  /** Rows with a checkbox (bulk actions). */
  selection?: { state: RowSelectionState; onChange: OnChangeFn<RowSelectionState> };
  onRowClick?: (row: T) => void;
  /** A class per row (e.g. a suspended account in grey). */
  rowClass?: (row: T) => string | undefined;
}

const SORT_MARK = { asc: ' ▲', desc: ' ▼' } as const;

/**
 * Every table in the console: TanStack Table for columns, sorting (on the loaded page) and row
 * selection; filters and paging are the server's (its cursors), passed in.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  rowId,
  empty,
  initialSort = [],
  server,
  selection,
  onRowClick,
  rowClass,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  // TanStack Table's instance is mutable by design, so the compiler leaves this component as is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId: rowId,
    state: { sorting, ...(selection ? { rowSelection: selection.state } : {}) },
    onSortingChange: setSorting,
    enableRowSelection: Boolean(selection),
    ...(selection ? { onRowSelectionChange: selection.onChange } : {}),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;

  return (
    <div className="admin-table-wrap">
      <table className="admin-table" aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selection && (
                <th scope="col" className="admin-check">
                  <input
                    type="checkbox"
                    aria-label="이 쪽 모두 고르기"
                    checked={table.getIsAllRowsSelected()}
                    ref={(box) => {
                      if (box) box.indeterminate = table.getIsSomeRowsSelected();
                    }}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              )}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const title = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                    }
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="admin-sort"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {title}
                        {sorted ? SORT_MARK[sorted] : ''}
                      </button>
                    ) : (
                      title
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={[onRowClick ? 'clickable' : '', rowClass?.(row.original) ?? '']
                .join(' ')
                .trim()}
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
            >
              {selection && (
                <td className="admin-check" onClick={(event) => event.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label="고르기"
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                  />
                </td>
              )}
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <div className="empty">{empty}</div>}
      {server && (
        <div className="admin-pager">
          <span className="muted small">
            모두 {server.totalCount.toLocaleString('ko-KR')}건 · {server.pages.page}쪽
          </span>
          <div className="row">
            <button
              type="button"
              className="button secondary small-button"
              disabled={server.pages.page === 1}
              onClick={() => server.pages.previous()}
            >
              이전
            </button>
            <button
              type="button"
              className="button secondary small-button"
              disabled={!server.hasNextPage}
              onClick={() => server.pages.next(server.endCursor)}
            >
              다음
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
