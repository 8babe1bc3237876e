/** "1 incident", "3 incidents": counts read as English in every label and message. */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
