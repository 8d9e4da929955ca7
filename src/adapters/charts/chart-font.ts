/** The family `registerChartFonts` registers the configured (or the image's) font files under. */
export const CHART_FONT = 'Causeway Chart';

/** What the timeline chart draws its text with: the registered files first, then any system DejaVu or sans. */
export const CHART_FONT_STACK = `"${CHART_FONT}", "DejaVu Sans", sans-serif`;
