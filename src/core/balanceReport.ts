// The Balance Report, in three parts: its numbers (reportModel.ts), its Markdown export
// (reportMarkdown.ts) and its SVG charts (reportCharts.ts).
export * from './reportModel';
export * from './reportMarkdown';
export * from './reportCharts';
