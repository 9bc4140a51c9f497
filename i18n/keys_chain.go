package i18n

// The words of the chain's database side (issue 16): chain migrate, grant,
// find, overview, reassign, the manager's overview screen, and the
// refusals of the chain's database (package chain's errors).
const (
	ChainErrUnreachable   Key = "chain.err.unreachable"
	ChainErrAuth          Key = "chain.err.auth"
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
)

func initChain1() {
	for k, s := range enChainTable() {
		en[k] = s
	}
	for k, s := range zhChainTable() {
		zh[k] = s
	}
	for k, s := range chainHelp() {
		helpEN[k] = s[0]
		helpZH[k] = s[1]
	}
	enOne[ChainReassignedAll] = "Moved %d client from %s to %s: their books follow at their next sync."
}

func enChainTable() map[Key]string {
	return map[Key]string{
		ChainErrUnreachable:   "The chain's database cannot be reached: check the host and port in the DSN, the network, and that the server is running. Nothing was changed; run the command again when it is back.",
		ChainErrAuth:          "The chain's database refused the user name or password: check PGPASSWORD or the password file. The administrator can set a new password with `vipbook chain grant NAME --store STORE`.",
		ChainErrNoDatabase:    "The database named in the DSN does not exist: check dbname, or create it (createdb) and run `vipbook chain migrate DSN`.",
		ChainErrSchemaTooOld:  "The chain's database is older than this vipbook (schema %d needed): the administrator runs `vipbook chain migrate DSN`.",
		ChainErrSchemaTooNew:  "The chain's database was upgraded by a newer vipbook: update vipbook on this machine.",
		ChainErrServerTooOld:  "The chain needs PostgreSQL 15 or later: upgrade the database server.",
		ChainErrNotGranted:    "This user is not an associate of the chain: the administrator runs `vipbook chain grant NAME --store STORE`.",
		ChainErrDenied:        "Not allowed for this user: a store's manager reassigns and sees their own store; the administrator the whole chain.",
		ChainErrNoClient:      "No client %q in the chain: `vipbook chain find` shows the ids.",
		ChainErrNoAssociate:   "No such associate in the chain: `vipbook chain overview` lists them; the administrator adds one with `vipbook chain grant`.",
		ChainErrAlready:       "Nothing to do: it is so already.",
		ChainErrBadName:       "%q cannot be an associate's or a store's name: use a plain name of at most 63 bytes, not starting with pg_ or vipbook_.",
		ChainErrRoleTaken:     "The database already has a user of that name that is not an associate of this chain: choose another name.",
		ChainErrNoPassword:    "No password given: put it in PGPASSWORD or a file (--password-file), or run the command on a terminal to type it.",
		ChainErrBadDSN:        "The connection string cannot be read: write it as \"host=db.example.com dbname=chain user=NAME sslmode=verify-full\" or postgres://NAME@db.example.com/chain?sslmode=verify-full.",
		ChainErrNoDSN:         "Which chain database? Give --dsn DSN or set VIPBOOK_CHAIN_DSN (a joined book remembers its own).",
		ChainErrServer:        "The chain's database refused it: %s",
		ChainErrPasswordFile:  "The password file cannot be read: %v",
		ChainErrEmptyPassword: "The password file %s is empty: write the password in it.",
		ChainErrReassignArgs:  "Say which clients and to whom: `vipbook chain reassign CLIENT-ID --to ASSOCIATE` or `vipbook chain reassign --from ASSOCIATE --to ASSOCIATE`.",
		ChainErrBadDays:       "--days is a number of days from 1 up.",

		ChainMigrated:          "The chain's database is at schema %d (was %d); applied now: %s.",
		ChainMigrateNothing:    "The chain's database is at schema %d already: nothing to do.",
		ChainGrantCreated:      "%s can now log in to the chain as %s of %s.",
		ChainGrantChanged:      "%s is now %s of %s, with the new password.",
		ChainGrantPasswordNote: "Give them the password your own way: vipbook never shows nor keeps it.",
		ChainRoleAssociate:     "an associate",
		ChainRoleManager:       "the manager",
		ChainPasswordPrompt:    "Password for %s: ",
		ChainPasswordAgain:     "The same password again: ",
		ChainPasswordsDiffer:   "The two passwords differ: nothing was done.",
		ChainFindNone:          "No client of the chain matches %q.",
		ChainFindStore:         "store",
		ChainFindAssociate:     "associate",
		ChainFindSecondary:     "secondary",
		ChainFindTier:          "tier",
		ChainFindSpend:         "spend",
		ChainFindLastVisit:     "last visit",
		ChainFindNever:         "none yet",
		ChainFindRequests:      "open requests",
		ChainFindDoNotContact:  "do not contact",
		ChainOverviewNone:      "No associate to show.",
		ChainOverviewHead:      "%s (%s)",
		ChainOverviewHeadMgr:   "%s (%s, manager)",
		ChainOverviewClients:   "clients: %d %s",
		ChainOverviewOverdue:   "overdue follow-ups: %d",
		ChainOverviewContacts:  "contacts this month: %d",
		ChainOverviewStale:     "top clients not contacted in %d days:",
		ChainOverviewStaleNone: "none",
		ChainOverviewLastSeen:  "last contact %s",
		ChainOverviewNoContact: "never contacted",
		ChainNoTier:            "no tier",
		ChainReassigned:        "%s now belongs to %s: the old associate's books let the client go at their next sync, the new one's take it with its history and open follow-ups.",
		ChainReassignedNone:    "%s belongs to %s already: nothing to do.",
		ChainReassignedAll:     "Moved %d clients from %s to %s: their books follow at their next sync.",
		ChainScreenTitle:       "Team",
		ChainScreenLoading:     "Reading the chain…",
		ChainScreenNotJoined:   "This book has not joined a chain: `vipbook chain join DSN --store NAME`, then the team shows here.",
	}
}

func zhChainTable() map[Key]string {
	return map[Key]string{
		ChainErrUnreachable:   "连不上连锁数据库：请检查 DSN 中的主机和端口、网络，以及数据库服务器是否在运行。没有做任何改动；恢复后再运行一次。",
		ChainErrAuth:          "连锁数据库拒绝了用户名或密码：请检查 PGPASSWORD 或密码文件。管理员可以用 `vipbook chain grant NAME --store STORE` 设置新密码。",
		ChainErrNoDatabase:    "DSN 中的数据库不存在：请检查 dbname，或先建库（createdb）再运行 `vipbook chain migrate DSN`。",
		ChainErrSchemaTooOld:  "连锁数据库的结构比这个 vipbook 旧（需要第 %d 版）：请管理员运行 `vipbook chain migrate DSN`。",
		ChainErrSchemaTooNew:  "连锁数据库已被更新版本的 vipbook 升级：请更新本机的 vipbook。",
		ChainErrServerTooOld:  "连锁需要 PostgreSQL 15 或更新版本：请升级数据库服务器。",
		ChainErrNotGranted:    "这个用户不是连锁的店员：请管理员运行 `vipbook chain grant NAME --store STORE`。",
		ChainErrDenied:        "这个用户无权这样做：店长只能查看和调配本店，管理员可以管理整个连锁。",
		ChainErrNoClient:      "连锁中没有客户 %q：`vipbook chain find` 会显示客户编号。",
		ChainErrNoAssociate:   "连锁中没有这位店员：`vipbook chain overview` 会列出店员；管理员用 `vipbook chain grant` 添加。",
		ChainErrAlready:       "无需操作：已经是这样了。",
		ChainErrBadName:       "%q 不能用作店员或门店的名字：请用不超过 63 字节的普通名字，不要以 pg_ 或 vipbook_ 开头。",
		ChainErrRoleTaken:     "数据库里已有同名用户，且不是本连锁的店员：请换一个名字。",
		ChainErrNoPassword:    "没有提供密码：请放在 PGPASSWORD 或文件里（--password-file），或在终端上运行命令后输入。",
		ChainErrBadDSN:        "无法读取连接字符串：请写成 \"host=db.example.com dbname=chain user=NAME sslmode=verify-full\" 或 postgres://NAME@db.example.com/chain?sslmode=verify-full。",
		ChainErrNoDSN:         "用哪个连锁数据库？请用 --dsn DSN 或设置 VIPBOOK_CHAIN_DSN（已加入连锁的客户册会记住自己的）。",
		ChainErrServer:        "连锁数据库拒绝了：%s",
		ChainErrPasswordFile:  "无法读取密码文件：%v",
		ChainErrEmptyPassword: "密码文件 %s 是空的：请把密码写进去。",
		ChainErrReassignArgs:  "请说明哪些客户、交给谁：`vipbook chain reassign CLIENT-ID --to ASSOCIATE` 或 `vipbook chain reassign --from ASSOCIATE --to ASSOCIATE`。",
		ChainErrBadDays:       "--days 是从 1 起的天数。",

		ChainMigrated:          "连锁数据库现为第 %d 版结构（原为第 %d 版）；本次应用：%s。",
		ChainMigrateNothing:    "连锁数据库已是第 %d 版结构：无需操作。",
		ChainGrantCreated:      "%s 现在可以作为%s登录连锁（%s）。",
		ChainGrantChanged:      "%s 现为%s（%s），密码已更新。",
		ChainGrantPasswordNote: "请用你自己的方式把密码交给对方：vipbook 不会显示也不会保存密码。",
		ChainRoleAssociate:     "店员",
		ChainRoleManager:       "店长",
		ChainPasswordPrompt:    "%s 的密码：",
		ChainPasswordAgain:     "再输入一次密码：",
		ChainPasswordsDiffer:   "两次密码不一致：没有做任何改动。",
		ChainFindNone:          "连锁中没有与 %q 相符的客户。",
		ChainFindStore:         "门店",
		ChainFindAssociate:     "店员",
		ChainFindSecondary:     "协理店员",
		ChainFindTier:          "等级",
		ChainFindSpend:         "消费",
		ChainFindLastVisit:     "最近到店",
		ChainFindNever:         "尚无",
		ChainFindRequests:      "未完成的需求",
		ChainFindDoNotContact:  "请勿联系",
		ChainOverviewNone:      "没有可显示的店员。",
		ChainOverviewHead:      "%s（%s）",
		ChainOverviewHeadMgr:   "%s（%s，店长）",
		ChainOverviewClients:   "客户：%d %s",
		ChainOverviewOverdue:   "逾期跟进：%d",
		ChainOverviewContacts:  "本月联系：%d",
		ChainOverviewStale:     "%d 天未联系的重要客户：",
		ChainOverviewStaleNone: "无",
		ChainOverviewLastSeen:  "最近联系 %s",
		ChainOverviewNoContact: "从未联系",
		ChainNoTier:            "无等级",
		ChainReassigned:        "%s 现归 %s 负责：原店员的客户册会在下次同步时放手，新店员的客户册会连同历史和未完成的跟进一起接收。",
		ChainReassignedNone:    "%s 已归 %s 负责：无需操作。",
		ChainReassignedAll:     "已将 %d 位客户从 %s 转给 %s：双方的客户册会在下次同步时跟上。",
		ChainScreenTitle:       "团队",
		ChainScreenLoading:     "正在读取连锁数据…",
		ChainScreenNotJoined:   "这本客户册尚未加入连锁：运行 `vipbook chain join DSN --store NAME` 后，团队情况会显示在这里。",
	}
}

// chainHelp is the help of the chain's database commands: English, Chinese.
func chainHelp() map[string][2]string {
	return map[string][2]string{
		"vipbook chain.short": {"A chain of stores sharing its clients through one PostgreSQL database",
			"通过一个 PostgreSQL 数据库共享客户的连锁门店"},
		"vipbook chain.long": {"A chain keeps one PostgreSQL database (15 or later). The administrator creates its schema (migrate) and a login for each associate or store manager (grant); associates find a client of any store (find); managers see their team (overview) and move clients (reassign). Each book stays the truth on its own machine.",
			"连锁共用一个 PostgreSQL 数据库（15 或更新版本）。管理员建立数据库结构（migrate），为每位店员或店长开设登录（grant）；店员可以查找任何门店的客户（find）；店长查看团队情况（overview）并调配客户（reassign）。每本客户册仍以本机为准。"},
		"vipbook chain --dsn": {"the chain's database (libpq connection string or URL; TLS with sslmode); default VIPBOOK_CHAIN_DSN, then the book's own",
			"连锁数据库（libpq 连接字符串或 URL；用 sslmode 设置 TLS）；默认取 VIPBOOK_CHAIN_DSN，其次是客户册自己记住的"},
		"vipbook chain migrate.short": {"Create or update the chain's schema and its roles (the administrator: once, and after each upgrade)",
			"建立或更新连锁数据库的结构和角色（管理员：首次以及每次升级后）"},
		"vipbook chain migrate --json": {"print as JSON", "以 JSON 输出"},
		"vipbook chain grant.short": {"Give an associate (or a store manager, --manager) a login to the chain; the password comes from PGPASSWORD, --password-file or is typed",
			"为店员（或店长，--manager）开设连锁登录；密码取自 PGPASSWORD、--password-file 或当场输入"},
		"vipbook chain grant --store":         {"their store (created when new)", "所属门店（不存在时新建）"},
		"vipbook chain grant --manager":       {"a manager's login: sees and reassigns the whole store", "店长登录：可查看并调配全店"},
		"vipbook chain grant --password-file": {"read the new password from this file", "从此文件读取新密码"},
		"vipbook chain grant --json":          {"print as JSON (never the password)", "以 JSON 输出（不含密码）"},
		"vipbook chain find.short": {"Find a client in any store of the chain by phone, card or name: home store, associate, chain tier and spend, last visit, open requests",
			"按电话、会员卡或姓名在连锁所有门店中查找客户：所属门店、店员、连锁等级和消费、最近到店、未完成的需求"},
		"vipbook chain find --json": {"print as JSON", "以 JSON 输出"},
		"vipbook chain overview.short": {"The team at a glance, per associate: clients by tier, overdue follow-ups, contacts this month, top clients not contacted lately",
			"按店员查看团队：各等级客户数、逾期跟进、本月联系次数、近期未联系的重要客户"},
		"vipbook chain overview --store": {"only this store (a manager sees their own)", "只看这家门店（店长只能看本店）"},
		"vipbook chain overview --days":  {"a client counts as not contacted after this many days", "超过多少天未联系算作未联系"},
		"vipbook chain overview --json":  {"print as JSON", "以 JSON 输出"},
		"vipbook chain reassign.short": {"Give a client (or every client of --from) to another associate: the books follow at their next sync",
			"把一位客户（或 --from 店员的全部客户）交给另一位店员：双方的客户册在下次同步时跟上"},
		"vipbook chain reassign --from": {"every client of this associate", "这位店员的全部客户"},
		"vipbook chain reassign --to":   {"the associate who takes them", "接手的店员"},
		"vipbook chain reassign --json": {"print as JSON", "以 JSON 输出"},
	}
}
