package i18n

// Keys of the app's reads of the book that failed: what it was reading,
// then why, in the associate's language (reading.go).
const (
	AppReadingVisits   Key = "app.reading.visits"   // why
	AppReadingTasks    Key = "app.reading.tasks"    // why
	AppReadingDone     Key = "app.reading.done"     // why
	AppReadingClient   Key = "app.reading.client"   // why
	AppReadingClients  Key = "app.reading.clients"  // why
	AppReadingDrafts   Key = "app.reading.drafts"   // why
	AppReadingBriefing Key = "app.reading.briefing" // why
	AppReadingReport   Key = "app.reading.report"   // why
	// AppReadingHeld is why, when another vipbook held the book for
	// longer than a read waits.
	AppReadingHeld Key = "app.reading.held"
)
