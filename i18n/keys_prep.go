package i18n

// Keys of the one-time work a writable open does on a book an older
// vipbook wrote (store.Options.Preparing): the app's screen meanwhile and
// the command line's line on stderr.
const (
	PrepTitle    Key = "prep.title"    // the app's heading
	PrepOnce     Key = "prep.once"     // the app's line under it: once only, how long, Ctrl+C
	PrepCLI      Key = "prep.cli"      // the command line's line: the step
	PrepStopping Key = "prep.stopping" // the app after Ctrl+C
	PrepUpgrade  Key = "prep.upgrade"
	PrepIndexes  Key = "prep.indexes"
	PrepIndexed  Key = "prep.indexed" // clients done, clients in all
	PrepRanking  Key = "prep.ranking"
	PrepSearch   Key = "prep.search"
	PrepSeal     Key = "prep.seal"      // records done
	PrepSealDone Key = "prep.seal_done" // records done
	PrepCompact  Key = "prep.compact"
)
