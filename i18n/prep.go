package i18n

import "strconv"

func enPrepTable() map[Key]string {
	return map[Key]string{
		PrepTitle:    "Preparing the book for this version of vipbook",
		PrepOnce:     "This happens once; a large book takes a few minutes. ctrl+c stops it: it goes on at the next start.",
		PrepCLI:      "Preparing the book for this version of vipbook (once only): %s",
		PrepStopping: "Stopping: the work goes on at the next start.",
		PrepUpgrade:  "bringing the records up to date…",
		PrepIndexes:  "building the kept indexes…",
		PrepIndexed:  "building the kept indexes… %s of %s clients",
		PrepRanking:  "building the spend ranking…",
		PrepSearch:   "building the search index…",
		PrepSeal:     "sealing the records with checksums…",
		PrepSealDone: "sealing the records with checksums… %s done",
		PrepCompact:  "compacting the book file…",
	}
}

func zhPrepTable() map[Key]string {
	return map[Key]string{
		PrepTitle:    "正在为此版本的 vipbook 准备客户册",
		PrepOnce:     "只需一次；大客户册需要几分钟。按 ctrl+c 可停止，下次启动时会接着做。",
		PrepCLI:      "正在为此版本的 vipbook 准备客户册（仅此一次）：%s",
		PrepStopping: "正在停止：下次启动时会接着做。",
		PrepUpgrade:  "正在更新记录……",
		PrepIndexes:  "正在建立索引……",
		PrepIndexed:  "正在建立索引……已完成 %s 位，共 %s 位客户",
		PrepRanking:  "正在建立消费排名……",
		PrepSearch:   "正在建立搜索索引……",
		PrepSeal:     "正在为记录加校验……",
		PrepSealDone: "正在为记录加校验……已完成 %s 条",
		PrepCompact:  "正在压缩客户册文件……",
	}
}

func initPrep() {
	for k, s := range enPrepTable() {
		en[k] = s
	}
	for k, s := range zhPrepTable() {
		zh[k] = s
	}
}

// Prep says a step of the one-time work (store.PrepStep's words: upgrade,
// indexes, ranking, search, seal, compact), done of total where the step
// counts (total 0: the step alone).
func (c *Catalog) Prep(step string, done, total int) string {
	switch step {
	case "indexes":
		if total > 0 {
			return c.T(PrepIndexed, grouped(done), grouped(total))
		}
		return c.T(PrepIndexes)
	case "ranking":
		return c.T(PrepRanking)
	case "search":
		return c.T(PrepSearch)
	case "seal":
		if done > 0 {
			return c.T(PrepSealDone, grouped(done))
		}
		return c.T(PrepSeal)
	case "compact":
		return c.T(PrepCompact)
	}
	return c.T(PrepUpgrade)
}

// grouped writes n with its thousands grouped: 12,500.
func grouped(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
