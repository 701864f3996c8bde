/**
 * English stopwords dropped from Latin words (not from bigrams): function words too common to
 * carry meaning in a report. Kept small on purpose; `us` and `it` are absent (`US`, `IT` are names).
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'for', 'from', 'had', 'has', 'have',
  'in', 'into', 'is', 'its', 'of', 'on', 'or', 'our', 'that', 'the', 'their', 'these', 'this', 'those',
  'to', 'was', 'we', 'were', 'which', 'will', 'with',
]);
