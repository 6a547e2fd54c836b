export const examplesTarball: string;
export function packForExamples(): string;
