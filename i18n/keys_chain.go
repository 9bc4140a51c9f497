package i18n

// The words of the chain of stores: the chain's database (migrate, grant,
// find, overview, reassign), the book's side of it (sync, join, status,
// adopt), and what a handover writes into a book.

// The words of the chain's database side (issue 16): chain migrate, grant,
// find, overview, reassign, the manager's overview screen, and the
// refusals of the chain's database (package chain's errors).
const (
	ChainErrUnreachable   Key = "chain.err.unreachable"
	ChainErrAuth          Key = "chain.err.auth"
	ChainErrTLS           Key = "chain.err.tls"
	ChainErrNoDatabase    Key = "chain.err.no_database"
	ChainErrSchemaTooOld  Key = "chain.err.schema_too_old" // the version needed
	ChainErrSchemaTooNew  Key = "chain.err.schema_too_new"
	ChainErrServerTooOld  Key = "chain.err.server_too_old"
	ChainErrNotGranted    Key = "chain.err.not_granted"
	ChainErrDenied        Key = "chain.err.denied"
	ChainErrNoClient      Key = "chain.err.no_client" // the id
	ChainErrNoAssociate   Key = "chain.err.no_associate"
	ChainErrAlready       Key = "chain.err.already"
	ChainErrBadName       Key = "chain.err.bad_name" // the name
	ChainErrRoleTaken     Key = "chain.err.role_taken"
	ChainErrNoPassword    Key = "chain.err.no_password"
	ChainErrBadDSN        Key = "chain.err.bad_dsn"
	ChainErrNoDSN         Key = "chain.err.no_dsn"
	ChainErrServer        Key = "chain.err.server" // the server's message
	ChainErrPasswordFile  Key = "chain.err.password_file"
	ChainErrEmptyPassword Key = "chain.err.empty_password_file" // the file
	ChainErrReassignArgs  Key = "chain.err.reassign_args"
	ChainErrBadDays       Key = "chain.err.bad_days"

	ChainMigrated          Key = "chain.migrated"        // version, was, the versions applied
	ChainMigrateNothing    Key = "chain.migrate_nothing" // version
	ChainGrantCreated      Key = "chain.grant_created"   // name, store, role kind
	ChainGrantChanged      Key = "chain.grant_changed"   // name, store, role kind
	ChainGrantPasswordNote Key = "chain.grant_password_note"
	ChainRoleAssociate     Key = "chain.role_associate"
	ChainRoleManager       Key = "chain.role_manager"
	ChainPasswordPrompt    Key = "chain.password_prompt" // the name
	ChainPasswordAgain     Key = "chain.password_again"
	ChainPasswordsDiffer   Key = "chain.passwords_differ"
	ChainFindNone          Key = "chain.find_none" // the query
	ChainFindStore         Key = "chain.find_store"
	ChainFindAssociate     Key = "chain.find_associate"
	ChainFindSecondary     Key = "chain.find_secondary"
	ChainFindTier          Key = "chain.find_tier"
	ChainFindSpend         Key = "chain.find_spend"
	ChainFindLastVisit     Key = "chain.find_last_visit"
	ChainFindNever         Key = "chain.find_never"
	ChainFindRequests      Key = "chain.find_requests"
	ChainFindDoNotContact  Key = "chain.find_do_not_contact"
	ChainOverviewNone      Key = "chain.overview_none"
	ChainOverviewHead      Key = "chain.overview_head"     // associate, store
	ChainOverviewHeadMgr   Key = "chain.overview_head_mgr" // associate, store
	ChainOverviewClients   Key = "chain.overview_clients"  // count, tiers
	ChainOverviewOverdue   Key = "chain.overview_overdue"
	ChainOverviewContacts  Key = "chain.overview_contacts"
	ChainOverviewStale     Key = "chain.overview_stale" // days
	ChainOverviewStaleNone Key = "chain.overview_stale_none"
	ChainOverviewLastSeen  Key = "chain.overview_last_seen" // day
	ChainOverviewNoContact Key = "chain.overview_no_contact"
	ChainNoTier            Key = "chain.no_tier"
	ChainReassigned        Key = "chain.reassigned"      // client, to
	ChainReassignedNone    Key = "chain.reassigned_none" // client, to
	ChainReassignedAll     Key = "chain.reassigned_all"  // count, from, to
	ChainScreenTitle       Key = "chain.screen_title"
	ChainScreenLoading     Key = "chain.screen_loading"
	ChainScreenNotJoined   Key = "chain.screen_not_joined"
	// The app's search of the chain, on the clients screen when the book
	// has no client for what was typed.
	ChainSearchOffer    Key = "chain.search_offer"    // the query
	ChainSearchReading  Key = "chain.search_reading"  //
	ChainSearchHint     Key = "chain.search_hint"     //
	ChainSearchAdopting Key = "chain.search_adopting" // the client's name
)

// The words a handover writes into a book: its notes, its task titles and
// the source of its history, in the book's language (handover.Options.Lang)
// at the one place each is written; and the warnings of its report.
const (
	HoStoredHandedOver    Key = "ho.stored.handed_over"    // the colleague
	HoStoredAColleague    Key = "ho.stored.a_colleague"    //
	HoStoredSource        Key = "ho.stored.source"         // the associate who handed over
	HoStoredIntroduce     Key = "ho.stored.introduce"      // the client, the associate
	HoStoredMergedWith    Key = "ho.stored.merged_with"    // the associate
	HoStoredOlderValue    Key = "ho.stored.older_value"    // the field, the older value, the value now
	HoWarnBundleForOther  Key = "ho.warn.bundle_for_other" // whom the bundle was made for, the book's associate
	HoWarnCurrencyDiffers Key = "ho.warn.currency_differs" // the purchases' currency, the book's

	HoOutReleased  Key = "ho.out.released"   // after an export with --release
	HoOutStillHeld Key = "ho.out.still_held" // the copies vipbook made that still hold the released clients follow
	HoNotCompacted Key = "ho.not_compacted"  // after a release whose compaction failed (it is finished later)
	HoLogLine      Key = "ho.log.line"       // the day, "N clients", the colleague, the bundle id
	HoLogReleased  Key = "ho.log.released"   // appended to a line of a release
	HoLogNone      Key = "ho.log.none"       //

	HoTooLongName   Key = "ho.too_long.name"   // the client, the characters, the limit
	HoTooLongRecord Key = "ho.too_long.record" // the client, KiB, the limit in KiB
	HoTooLongNote   Key = "ho.too_long.note"   // the client, KiB, the limit in KiB
	HoTooLongLine   Key = "ho.too_long.line"   // the record's number, the limit in MiB
	HoTooLarge      Key = "ho.too_large"       // the limit in MiB

	HoErrLikely Key = "ho.err.likely" // how many, "name ~ name (id); ..."
	HoErrUnsent Key = "ho.err.unsent" // the changes not yet sent, the clients they are about
	// HoAppUnsent is the app's question after a release was refused for
	// changes not yet sent: the changes, the clients they are about.
	HoAppUnsent    Key = "ho.app.unsent"
	HoLikelyLine   Key = "ho.likely.line"   // the client here, its id, its phone: under a new client of the report
	HoAskLikely    Key = "ho.ask.likely"    // the question on a terminal
	HoLikelyForced Key = "ho.likely.forced" // how many: added as new clients after the question or --force
)

// The words of the book's side of the chain (issue 16): vipbook sync,
// chain join, chain status and chain adopt, the errors of the chain's
// database as a sync meets them, and the app's sync line.
const (
	SyncNotJoined     Key = "sync.not_joined"     //
	SyncAlreadyJoined Key = "sync.already_joined" // the store, the associate
	SyncUnreachable   Key = "sync.unreachable"    //
	SyncAuth          Key = "sync.auth"           //
	SyncTLS           Key = "sync.tls"            //
	SyncBadDSN        Key = "sync.bad_dsn"        //
	SyncNoDatabase    Key = "sync.no_database"    //
	SyncSchemaOld     Key = "sync.schema_old"     //
	SyncSchemaNew     Key = "sync.schema_new"     //
	SyncNotGranted    Key = "sync.not_granted"    //
	SyncDenied        Key = "sync.denied"         //
	SyncNoClient      Key = "sync.no_client"      // the id
	SyncAlready       Key = "sync.already"        // the id
	SyncMismatch      Key = "sync.mismatch"       // the login, its store, the associate asked, the store asked
	SyncPasswordFile  Key = "sync.password_file"  // the file, the error
	SyncPasswordEmpty Key = "sync.password_empty" // the file
	SyncJoinDone      Key = "sync.join_done"      // the associate, the store, the changes waiting
	SyncDone          Key = "sync.done"           // changes sent, clients received, records received
	SyncConflicts     Key = "sync.conflicts"      // how many
	SyncReleased      Key = "sync.released"       // how many
	SyncErased        Key = "sync.erased"         // how many
	SyncAdopted       Key = "sync.adopted"        // the client's name
	SyncStatusNone    Key = "sync.status_none"    //
	SyncStatusJoined  Key = "sync.status_joined"  // the associate, the store, the book id, the day joined
	SyncStatusLast    Key = "sync.status_last"    // when
	SyncStatusNever   Key = "sync.status_never"   //
	SyncStatusPending Key = "sync.status_pending" // how many
	SyncStatusServer  Key = "sync.status_server"  // clients of the associate on the chain, changes not yet pulled
	SyncStatusOffline Key = "sync.status_offline" // why
	SyncOffline       Key = "sync.offline"        // (app header)
	SyncJustNow       Key = "sync.just_now"       // (app header)
	SyncMinutesAgo    Key = "sync.minutes_ago"    // minutes (app header)
	SyncHoursAgo      Key = "sync.hours_ago"      // hours (app header)
)
