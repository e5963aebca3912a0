/**
 * Archiving (归档) instead of deleting: the record stays readable and says when, by whom and why it was archived;
 * an archived record takes no new children (an estate no new building, a building no new dwelling).
 */
export const ARCHIVE_FIELDS = {
  archivedAt: { type: String }, // ISO 8601 instant; missing while the record is in use
  archivedBy: { type: String },
  archiveReason: { type: String },
};
