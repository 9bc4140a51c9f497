package i18n

// The words of likely duplicates (on add, edit and import) and of merging
// two clients of the book into one (vipbook merge, the app's merge).
const (
	ErrMergeSelf       Key = "err.merge_self"        // the client's name, id
	ErrMergeHandedOver Key = "err.merge_handed_over" // the client's name, id
	ErrLikelyDuplicate Key = "err.likely_duplicate"  // the new client's name, the likely duplicates
	DupByName          Key = "dup.by_name"           // the name as written
	DupByEmail         Key = "dup.by_email"          // the address
	DupByWeChat        Key = "dup.by_wechat"         // the WeChat id
	DupByCard          Key = "dup.by_card"           // the card number
	MergeNote          Key = "merge.note"            // the name, id merged away; what moved
	MergeNoteKept      Key = "merge.note_kept"       // the values that lost
	MergeNoteNothing   Key = "merge.note_nothing"
	MergeSource        Key = "merge.source"    // the name, id merged away: the history's source
	MergeKeptItem      Key = "merge.kept_item" // the field, the kept value, the other's value

	CliMergeWould       Key = "cli.merge.would"        // other's name, id; keep's name, id
	CliMergeDone        Key = "cli.merge.done"         // other's name, id; keep's name, id
	CliMergeMoves       Key = "cli.merge.moves"        // what moves
	CliMergeTakes       Key = "cli.merge.takes"        // what the kept client takes
	CliMergeKeeps       Key = "cli.merge.keeps"        // the values kept, the other's going to history
	CliMergeDNC         Key = "cli.merge.dnc"          // other's name
	CliMergeSpend       Key = "cli.merge.spend"        // spend before, after (12 months)
	CliMergeTier        Key = "cli.merge.tier"         // tier before, after
	CliMergeAlias       Key = "cli.merge.alias"        // other's id, keep's name
	CliMergeDryRun      Key = "cli.merge.dry_run"      //
	CliMergeConfirm     Key = "cli.merge.confirm"      // other's id
	CliMergeStopped     Key = "cli.merge.stopped"      //
	CliMergeOpenTasks   Key = "cli.merge.open_tasks"   // count
	CliMergeClosedTasks Key = "cli.merge.closed_tasks" // count
	CliMergeReferred    Key = "cli.merge.referred"     // count
	CliMergeLinks       Key = "cli.merge.links"        // count
	CliMergeCancelled   Key = "cli.merge.cancelled"    // count
	CliDupFound         Key = "cli.dup.found"          // the name
	CliDupLine          Key = "cli.dup.line"           // id, name, phone, why
	CliDupAsk           Key = "cli.dup.ask"            //
	CliDupRefused       Key = "cli.dup.refused"        // the first duplicate's id
	CliDupImport        Key = "cli.dup.import"         // the count
	CliDupImportLine    Key = "cli.dup.import_line"    // the record's name, the client's name and id, why

	AppDupTitle     Key = "app.dup.title"     // the count
	AppDupOpen      Key = "app.dup.open"      //
	AppDupSave      Key = "app.dup.save"      //
	AppMergeTitle   Key = "app.merge.title"   // the kept client's name
	AppMergePick    Key = "app.merge.pick"    //
	AppMergeSure    Key = "app.merge.sure"    // other's name, keep's name
	AppMergeDone    Key = "app.merge.done"    // other's name, keep's name
	AppMergeSeveral Key = "app.merge.several" // the count, the query
	KeyMerge        Key = "key.merge"         //
)
