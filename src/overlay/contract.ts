/** The contract of DESIGN.md: the overlay host's id, and the attribute the highlighted element carries. */
export const hostId = 'learn-account-aligner';
export const stepAttribute = 'data-aligner-step';
