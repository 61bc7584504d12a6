// Pure task-list logic: every function returns new data and never touches the page.

export const MAX_TITLE_LENGTH = 200;
