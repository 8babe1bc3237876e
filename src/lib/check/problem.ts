/** One thing wrong with the content, located and with a fix, as `npm run check` prints it. */
export interface Problem {
	/** Path relative to the working directory. */
	file: string;
	/** 1-based line in the file, where the YAML gives one. */
	line?: number;
	/** 1-based column. */
	column?: number;
	/** The frontmatter field, dotted: timeline[2].at. */
	field?: string;
	/** Id of the rule that found it: schema, yaml, time-order, … */
	rule: string;
	severity: 'error' | 'warning';
	/** What is wrong. */
	message: string;
	/** How to fix it. */
	fix?: string;
}
