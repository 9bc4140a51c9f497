package i18n

var enSync, zhSync map[Key]string

func enSyncTable() map[Key]string {
	return map[Key]string{
		SyncNotJoined:     "This book has not joined a chain. Join it first: vipbook chain join DSN --store NAME",
		SyncAlreadyJoined: "This book has already joined the chain (store %s, associate %s).",
		SyncUnreachable:   "The chain's database cannot be reached: check the network, or ask the chain's administrator whether the server is running. The book is unchanged; its changes wait for the next sync.",
		SyncTLS:           "The chain's database server did not show the certificate this DSN expects (not signed by the root certificate of sslrootcert, not naming the host, or no TLS at all): nothing was sent. Check the host name and the sslrootcert file with the chain's administrator; never turn sslmode down to get past this.",
		SyncAuth:          "The chain's database refused the user name or password, or none was found. Give the password the administrator gave you in one of these ways: PGPASSWORD; --password-file FILE; a line host:port:database:user:password in the password file (PGPASSFILE, else ~/.pgpass, mode 0600; for a Unix socket the host is localhost); or password= in a service of the connection service file (PGSERVICEFILE, else ~/.pg_service.conf), the service named by PGSERVICE or service= in the DSN.",
		SyncBadDSN:        "The connection string cannot be read. Write it as postgres://USER@HOST/DATABASE?sslmode=verify-full or host=HOST dbname=DATABASE user=USER.",
		SyncNoDatabase:    "The database named in the connection string does not exist: check its name with the chain's administrator.",
		SyncSchemaOld:     "The chain's database is not ready for this vipbook: ask the administrator to run vipbook chain migrate.",
		SyncSchemaNew:     "The chain's database was set up by a newer vipbook: update vipbook on this machine.",
		SyncNotGranted:    "This login is not an associate of the chain: ask the administrator to run vipbook chain grant NAME --store STORE.",
		SyncDenied:        "The chain's database does not allow this for your login.",
		SyncNoClient:      "No client of the chain has the id %s: look it up with vipbook chain find.",
		SyncAlready:       "%s is already your client.",
		SyncMismatch:      "The login %s belongs to store %s, not to %s of store %s: join with the login the administrator made for you.",
		SyncPasswordFile:  "--password-file %s cannot be read: %v",
		SyncPasswordEmpty: "--password-file %s is empty: write the password in it.",
		SyncJoinDone:      "Joined the chain as %s of store %s. %d changes wait for the first sync: run vipbook sync.",
		SyncDone:          "Synced: %d changes sent; %d clients and %d records received.",
		SyncConflicts:     "%d fields were edited here and elsewhere: the later edit is kept, the other is in the client's history.",
		SyncReleased:      "%d clients were reassigned to colleagues and let go from this book.",
		SyncErased:        "%d clients were erased at their request and are gone from this book.",
		SyncAdopted:       "You are now the secondary associate of %s: the client is in your book with what the chain shares.",
		SyncStatusNone:    "This book has not joined a chain.",
		SyncStatusJoined:  "Chain: %s of store %s (book %s, joined %s)",
		SyncStatusLast:    "Last sync: %s",
		SyncStatusNever:   "Not synced yet.",
		SyncStatusPending: "Changes waiting to be sent: %d",
		SyncStatusServer:  "The chain holds %d clients of yours; %d changes there are not in this book yet.",
		SyncStatusOffline: "The chain's database was not reached: %s",
		SyncOffline:       "offline",
		SyncJustNow:       "synced just now",
		SyncMinutesAgo:    "synced %d min ago",
		SyncHoursAgo:      "synced %d h ago",
	}
}

func zhSyncTable() map[Key]string {
	return map[Key]string{
		SyncNotJoined:     "此客户册尚未加入连锁。请先加入：vipbook chain join DSN --store 门店",
		SyncAlreadyJoined: "此客户册已加入连锁（门店 %s，顾问 %s）。",
		SyncUnreachable:   "无法连接连锁数据库：请检查网络，或询问连锁管理员服务器是否在运行。客户册未改动，其改动留待下次同步。",
		SyncTLS:           "连锁数据库服务器出示的证书不是此 DSN 所要求的（不是由 sslrootcert 的根证书签发、未写明该主机，或根本没有 TLS）：未发送任何内容。请向连锁管理员核对主机名和 sslrootcert 文件；切勿为绕过此问题而降低 sslmode。",
		SyncAuth:          "连锁数据库拒绝了用户名或密码，或者没有找到密码。请用以下任一方式提供管理员给你的密码：PGPASSWORD；--password-file 文件；在密码文件（PGPASSFILE，否则 ~/.pgpass，权限 0600；Unix 套接字的主机写 localhost）中写一行 主机:端口:数据库:用户:密码；或在连接服务文件（PGSERVICEFILE，否则 ~/.pg_service.conf）的某个服务中写 password=，服务由 PGSERVICE 或 DSN 中的 service= 指定。",
		SyncBadDSN:        "无法读取连接串。请写成 postgres://用户@主机/数据库?sslmode=verify-full 或 host=主机 dbname=数据库 user=用户。",
		SyncNoDatabase:    "连接串中的数据库不存在：请向连锁管理员核对名称。",
		SyncSchemaOld:     "连锁数据库尚未为此版本的 vipbook 准备好：请管理员运行 vipbook chain migrate。",
		SyncSchemaNew:     "连锁数据库由更新版本的 vipbook 设置：请更新本机的 vipbook。",
		SyncNotGranted:    "此登录名不是连锁的顾问：请管理员运行 vipbook chain grant 姓名 --store 门店。",
		SyncDenied:        "连锁数据库不允许你的登录名这样做。",
		SyncNoClient:      "连锁中没有编号为 %s 的客户：请用 vipbook chain find 查找。",
		SyncAlready:       "%s 已是你的客户。",
		SyncMismatch:      "登录名 %s 属于门店 %s，不是门店 %[4]s 的 %[3]s：请用管理员为你建立的登录名加入。",
		SyncPasswordFile:  "无法读取 --password-file %s：%v",
		SyncPasswordEmpty: "--password-file %s 是空的：请把密码写进去。",
		SyncJoinDone:      "已以门店 %[2]s 的 %[1]s 身份加入连锁。%[3]d 项改动等待首次同步：请运行 vipbook sync。",
		SyncDone:          "已同步：发送 %d 项改动；收到 %d 位客户、%d 条记录。",
		SyncConflicts:     "%d 个字段在此处和别处都被修改：保留较晚的修改，另一个记入客户的历史。",
		SyncReleased:      "%d 位客户已被改派给同事，从此客户册移出。",
		SyncErased:        "%d 位客户应本人要求已被删除，已从此客户册移除。",
		SyncAdopted:       "你现在是 %s 的第二顾问：客户已连同连锁共享的资料进入你的客户册。",
		SyncStatusNone:    "此客户册尚未加入连锁。",
		SyncStatusJoined:  "连锁：门店 %[2]s 的 %[1]s（客户册 %[3]s，%[4]s 加入）",
		SyncStatusLast:    "上次同步：%s",
		SyncStatusNever:   "尚未同步。",
		SyncStatusPending: "等待发送的改动：%d",
		SyncStatusServer:  "连锁中有你的 %d 位客户；那里有 %d 项改动尚未进入此客户册。",
		SyncStatusOffline: "未能连接连锁数据库：%s",
		SyncOffline:       "离线",
		SyncJustNow:       "刚刚已同步",
		SyncMinutesAgo:    "%d 分钟前已同步",
		SyncHoursAgo:      "%d 小时前已同步",
	}
}

// initSync merges the tables of keys_chain.go into the catalogs and help.
func initSync() {
	enSync, zhSync = enSyncTable(), zhSyncTable()
	for k, s := range enSync {
		en[k] = s
	}
	for k, s := range zhSync {
		zh[k] = s
	}
	for k, s := range helpSyncEN() {
		helpEN[k] = s
	}
	for k, s := range helpSyncZH() {
		helpZH[k] = s
	}
	initRemove()
	initPrep()
}

func helpSyncEN() map[string]string {
	return map[string]string{
		"vipbook note --private":               "a private note: it stays in this book and never reaches the chain",
		"vipbook sync.short":                   "Send this book's changes to the chain and receive others' changes to its clients",
		"vipbook sync.long":                    "sync sends what this book changed since the last sync to the chain's database and brings in what\nothers changed on its clients: a purchase at another store, a note by the secondary associate,\ndo-not-contact set at head office, an erasure, a client reassigned away. When the same field was\nedited in two places the later edit wins and the other goes into the client's history. Private notes\nnever leave the book. A sync stopped at any moment (the network, the server, the machine) can simply\nbe run again: nothing is lost or doubled. The password comes from PGPASSWORD, --password-file, the password file\n(PGPASSFILE or ~/.pgpass) or the connection service file (PGSERVICEFILE or ~/.pg_service.conf).",
		"vipbook sync --json":                  "print what the sync did as JSON (no connection string, no password)",
		"vipbook sync --password-file":         "read the database password from this file",
		"vipbook chain join.short":             "Join this book to the chain's database",
		"vipbook chain join.long":              "join registers this book with the chain's PostgreSQL database at DSN (sslmode and the other TLS\nsettings go in the DSN). The book keeps the DSN without any password: the password comes from\nPGPASSWORD, --password-file, the password file (PGPASSFILE or ~/.pgpass) or the connection\nservice file (PGSERVICEFILE or ~/.pg_service.conf) at each sync. The first sync then sends the whole book.",
		"vipbook chain join --store":           "the store this book belongs to (the login's store)",
		"vipbook chain join --associate":       "the associate's login name (the login of the DSN by default)",
		"vipbook chain join --password-file":   "read the database password from this file",
		"vipbook chain status.short":           "Show the last sync, the changes waiting and the chain's view of this book",
		"vipbook chain status --json":          "print the status as JSON (no connection string, no password)",
		"vipbook chain status --password-file": "read the database password from this file",
		"vipbook chain status --offline":       "do not ask the chain's database; show what the book knows",
		"vipbook chain adopt.short":            "Become the secondary associate of a client of another store",
		"vipbook chain adopt.long":             "adopt makes you the secondary associate of the chain's client CLIENT-ID:\nthe client enters this book with the history the chain shares, and later changes reach both books.",
		"vipbook chain adopt --password-file":  "read the database password from this file",
	}
}

func helpSyncZH() map[string]string {
	return map[string]string{
		"vipbook note --private":               "私密备注：只留在此客户册，永不发送到连锁",
		"vipbook sync.short":                   "把此客户册的改动发给连锁，并接收别处对其客户的改动",
		"vipbook sync.long":                    "sync 把此客户册自上次同步以来的改动发送到连锁数据库，并带回别处对其客户的改动：其他门店的购买、\n第二顾问的备注、总部设置的勿联系、删除、改派给他人的客户。同一字段在两处被修改时，较晚的修改生效，\n另一个记入客户的历史。私密备注永不离开客户册。同步在任何时刻中断（网络、服务器、电脑）后，\n再运行一次即可：不会丢失，也不会重复。密码来自 PGPASSWORD、--password-file、密码文件（PGPASSFILE 或 ~/.pgpass）\n或连接服务文件（PGSERVICEFILE 或 ~/.pg_service.conf）。",
		"vipbook sync --json":                  "以 JSON 输出同步结果（不含连接串和密码）",
		"vipbook sync --password-file":         "从此文件读取数据库密码",
		"vipbook chain join.short":             "让此客户册加入连锁数据库",
		"vipbook chain join.long":              "join 把此客户册登记到位于 DSN 的连锁 PostgreSQL 数据库（sslmode 等 TLS 设置写在 DSN 中）。\n客户册保存的 DSN 不含密码：每次同步时密码来自 PGPASSWORD、--password-file、\n密码文件（PGPASSFILE 或 ~/.pgpass）或连接服务文件（PGSERVICEFILE 或 ~/.pg_service.conf）。\n随后的首次同步会发送整本客户册。",
		"vipbook chain join --store":           "此客户册所属的门店（登录名所属的门店）",
		"vipbook chain join --associate":       "顾问的登录名（默认为 DSN 中的登录名）",
		"vipbook chain join --password-file":   "从此文件读取数据库密码",
		"vipbook chain status.short":           "显示上次同步、待发送的改动，以及连锁对此客户册的看法",
		"vipbook chain status --json":          "以 JSON 输出状态（不含连接串和密码）",
		"vipbook chain status --password-file": "从此文件读取数据库密码",
		"vipbook chain status --offline":       "不连接连锁数据库，只显示客户册所知",
		"vipbook chain adopt.short":            "成为其他门店一位客户的第二顾问",
		"vipbook chain adopt.long":             "adopt 让你成为连锁客户 CLIENT-ID的第二顾问：\n客户连同连锁共享的历史进入此客户册，之后的改动会同时到达两本客户册。",
		"vipbook chain adopt --password-file":  "从此文件读取数据库密码",
	}
}
