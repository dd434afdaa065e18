// The DuckDB warehouse: tables keyed by sha256, researcher views, CSV/Parquet exports. See docs/warehouse.md.
export { openWarehouseLoad, ensureSchema, tableCounts, type WarehouseLoad, type WarehouseTargets } from './load.js';
export { exportCsv, exportParquet } from './export.js';
export { flattenRecord } from './flatten.js';
export { TABLES, TABLE_NAMES, VIEWS } from './schema.js';
