/** A unified diff rendered line by line (additions, deletions, hunks), as a code review shows it. */
export function UnifiedDiff({ text, id }: { text: string; id?: string }) {
  const lines = text.replace(/\n$/, '').split('\n');
  let oldNo = 0;
  let newNo = 0;
  return (
    <div class="diff" id={id} role="table" aria-label="Diff">
      {lines.map((line, i) => {
        const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
        if (hunk) {
          oldNo = Number(hunk[1]);
          newNo = Number(hunk[2]);
          return (
            <div key={i} class="diff-line hunk" role="row">
              <span class="no" />
              <span class="no" />
              <code>{line}</code>
            </div>
          );
        }
        if (/^(diff --git|index |--- |\+\+\+ |new file mode|deleted file mode|similarity|rename )/.test(line)) {
          return (
            <div key={i} class="diff-line meta" role="row">
              <span class="no" />
              <span class="no" />
              <code>{line}</code>
            </div>
          );
        }
        const kind = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('\\') ? 'meta' : 'ctx';
        const o = kind === 'add' || kind === 'meta' ? '' : String(oldNo++);
        const n = kind === 'del' || kind === 'meta' ? '' : String(newNo++);
        return (
          <div key={i} class={`diff-line ${kind}`} role="row">
            <span class="no">{o}</span>
            <span class="no">{n}</span>
            <code>{line || ' '}</code>
          </div>
        );
      })}
    </div>
  );
}
