/** What the grader reports, one SubmissionReport per file it was given (formatReport.ts prints them). */

export interface ExerciseReport {
  name: string;
  score: number;
  max: number;
  feedback: string;
}

export interface SubmissionReport {
  file: string;
  /** The exercise id in the notebook's metadata, or null when it has none the course knows. */
  exercise: string | null;
  score: number;
  max: number;
  exercises: ExerciseReport[];
  /** Why the file (or part of it) could not be graded. */
  errors: string[];
  /** Said of the grading itself: "graded WITHOUT isolation", "exercise … handed in twice". */
  notes: string[];
}

/** A file that looks like a notebook but was not graded (a dotfile, *.IPYNB, a checkpoint). */
export interface SkippedFile {
  file: string;
  why: string;
}

export function emptyReport(file: string): SubmissionReport {
  return { file, exercise: null, score: 0, max: 0, exercises: [], errors: [], notes: [] };
}
