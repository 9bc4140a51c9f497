package i18n

// The words of the app's newer parts: undoing a tick, the note's kind
// picked with one key, a special request, the profile's sections.
const (
	KeyUndo             Key = "key.undo"
	StatusTaskReopened  Key = "status.task_reopened"   // task title
	StatusUndoHint      Key = "status.undo_hint"       // the undo key
	StatusNothingToUndo Key = "status.nothing_to_undo" // the undo key
	TasksDoneHere       Key = "tasks.done_here"        // count
	// The note's kind picked with one key: the prompt, the line's prompt
	// for a kind, the request's prompt and its news.
	LinePickKind      Key = "line.pick_kind"      // client name
	LineKindPrompt    Key = "line.kind_prompt"    // kind, client name
	LineRequestPrompt Key = "line.request_prompt" // client name
	LineRequestHint   Key = "line.request_hint"
	LineKindHint      Key = "line.kind_hint"
	StatusRequestOpen Key = "status.request_open" // client name
)
