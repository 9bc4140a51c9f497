package i18n

import (
	"fmt"
	"strings"
	"sync"
)

// Problem says a problem `vipbook check` found (or the damage mark
// keeps), given as a code and its arguments (store.Finding): the code is
// the English wording with each argument as %s, so English is the code
// filled in; Chinese comes from problemsZH. A code the table does not
// know (a problem added later) is said in English rather than not at all.
func (c *Catalog) Problem(code string, args []string) string {
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a
	}
	if c.IsChinese() {
		if zh, ok := problemsZH()[code]; ok {
			for i, a := range args {
				if w, ok := problemWordsZH()[a]; ok {
					vals[i] = w
				}
			}
			return fmt.Sprintf(zh, vals...)
		}
	}
	if len(args) == 0 {
		return code
	}
	if strings.Count(code, "%s") != len(args) {
		return strings.Join(append([]string{code}, args...), " ")
	}
	return fmt.Sprintf(code, vals...)
}

// Finding is a problem as a code and its arguments (store.Finding, a
// damage mark's), with its English line for a mark written before codes
// were kept (Code empty). As an argument of an error's words (Error) it is
// said in the catalog's language; printed as it is, in English.
type Finding struct {
	Code string
	Args []string
	Text string
}

// String is the English line.
func (f Finding) String() string { return f.Text }

// Finding says f in the catalog's language.
func (c *Catalog) Finding(f Finding) string {
	if f.Code == "" {
		return c.Problem(f.Text, nil)
	}
	return c.Problem(f.Code, f.Args)
}

// problemWordsZH are the arguments of problems that are words, not data:
// the kinds of record, how a record was found damaged.
var problemWordsZH = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"note":                        "备注",
		"purchase":                    "购买记录",
		"task":                        "跟进",
		"appointment":                 "预约",
		"request":                     "需求",
		"its checksum does not match": "校验和不符",
		"it does not decode":          "无法解码",
	}
})

// problemsZH are the problems' codes in Chinese. A code is the English
// wording; %[n]s picks an argument where the order changes. Both tables
// are built on first use: every vipbook process starts the package, and
// its init stays small (cmd/vipbook TestInitCost).
var problemsZH = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"bbolt cannot open the book: %s":                    "bbolt 无法打开客户册：%s",
		"bbolt: %s":                                         "bbolt：%s",
		"bbolt cannot open the book: it is not a book":      "bbolt 无法打开客户册：这不是客户册文件",
		"bbolt cannot open the book: its pages are damaged": "bbolt 无法打开客户册：文件的页已损坏",
		"both meta pages (the file's first two pages) are damaged: the book cannot be read":     "两个元数据页（文件的前两页）都已损坏：客户册无法读取",
		"meta page %s is damaged (the other one is intact)":                                     "元数据页 %s 已损坏（另一页完好）",
		"the file is truncated: %s bytes, meta page %s says %s":                                 "文件被截短：只有 %[1]s 字节，元数据页 %[2]s 记为 %[3]s 字节",
		"meta page %s points outside the book":                                                  "元数据页 %s 指向客户册范围之外",
		"the freelist (page %s) is damaged":                                                     "空闲页列表（第 %s 页）已损坏",
		"bbolt: page %s is freed twice":                                                         "bbolt：第 %s 页被释放了两次",
		"bbolt: page %s is neither in use nor free":                                             "bbolt：第 %s 页既未使用也未释放",
		"bbolt: page %s is outside the book (%s pages)":                                         "bbolt：第 %s 页超出客户册范围（共 %s 页）",
		"bbolt: a page of an unexpected kind (flags %s) at page %s":                             "bbolt：第 %[2]s 页的类型不符（标志 %[1]s）",
		"bbolt: page %s is used twice":                                                          "bbolt：第 %s 页被使用了两次",
		"bbolt: page %s is in use and free at once":                                             "bbolt：第 %s 页同时处于使用和释放状态",
		"bbolt: page %s is of an invalid kind (%s)":                                             "bbolt：第 %s 页的类型无效（%s）",
		"bbolt: the keys of page %s are out of order":                                           "bbolt：第 %s 页的键顺序错乱",
		"bbolt's consistency check was skipped: it cannot run past a damaged meta page":         "未运行 bbolt 的一致性检查：它无法越过损坏的元数据页",
		"bucket %s is missing (a book from an earlier release: the next writable open adds it)": "缺少存储桶 %s（旧版本写的客户册：下次以可写方式打开时会补上）",
		"%s":       "%s",
		"meta: %s": "元数据：%s",
		"meta: the book's description is missing: this file is not a vipbook book":                                    "元数据：缺少客户册的说明：这不是 vipbook 客户册文件",
		"meta: the book has no schema version":                                                                        "元数据：客户册没有结构版本号",
		"meta: the book's schema version is damaged":                                                                  "元数据：客户册的结构版本号已损坏",
		"meta: the book's description is damaged":                                                                     "元数据：客户册的说明已损坏",
		"reading the book stopped at a damaged page":                                                                  "读取客户册时在一个损坏的页上停止",
		"clients: the record of client %s%s is damaged (%s)":                                                          "clients：客户 %s%s 的记录已损坏（%s）",
		"%s: the %s %s of client %s%s is damaged (%s)":                                                                "%[1]s：客户 %[4]s%[5]s 的%[2]s %[3]s 已损坏（%[6]s）",
		"%s: %s records do not decode":                                                                                "%s：%s 条记录无法解码",
		"summaries: the summary of client %s cannot be read: %s":                                                      "summaries：客户 %s 的摘要无法读取：%s",
		"summaries: a summary for client %s, who is not in the book":                                                  "summaries：有客户 %s 的摘要，但客户册中没有该客户",
		"clients: client %s has no summary":                                                                           "clients：客户 %s 没有摘要",
		"notes: a note of client %s, who is not in the book":                                                          "notes：有客户 %s 的备注，但客户册中没有该客户",
		"notes: a key without a client (%s)":                                                                          "notes：一个没有客户的键（%s）",
		"notes: %s notes but %s in the id index":                                                                      "notes：共 %s 条备注，但编号索引中有 %s 条",
		"summaries: client %s counts %s notes, the book holds %s":                                                     "summaries：客户 %s 记为 %s 条备注，客户册中实有 %s 条",
		"purchases: %s purchases but %s in the id index":                                                              "purchases：共 %s 条购买记录，但编号索引中有 %s 条",
		"cannot read the file: %s":                                                                                    "无法读取文件：%s",
		"%s: page %s is outside the book (%s pages)":                                                                  "%s：第 %s 页超出客户册范围（共 %s 页）",
		"%s: page %s is used twice":                                                                                   "%s：第 %s 页被使用了两次",
		"%s: page %s cannot be read: %s":                                                                              "%s：第 %s 页无法读取：%s",
		"%s: page %s is damaged (it says it is page %s)":                                                              "%s：第 %s 页已损坏（它自称是第 %s 页）",
		"%s: page %s runs past the end of the book":                                                                   "%s：第 %s 页超出客户册末尾",
		"the freelist: page %s is not a freelist page (flags %s)":                                                     "空闲页列表：第 %s 页不是空闲页列表页（标志 %s）",
		"the freelist: page %s is damaged":                                                                            "空闲页列表：第 %s 页已损坏",
		"the freelist: page %s lists more pages than it holds":                                                        "空闲页列表：第 %s 页列出的页数多于其容量",
		"the freelist: page %s lists page %s, outside the book":                                                       "空闲页列表：第 %s 页列出了客户册范围外的第 %s 页",
		"%s: the tree is too deep (a loop)":                                                                           "%s：树的层级过深（存在循环）",
		"%s: page %s is damaged (%s elements do not fit)":                                                             "%s：第 %s 页已损坏（%s 个元素放不下）",
		"%s: page %s is damaged (a key runs past its end)":                                                            "%s：第 %s 页已损坏（一个键超出页尾）",
		"%s: page %s is damaged (a value runs past its end)":                                                          "%s：第 %s 页已损坏（一个值超出页尾）",
		"%s: page %s is damaged (bucket %s has no header)":                                                            "%s：第 %s 页已损坏（存储桶 %s 没有头部）",
		"%s: the inline %s is damaged":                                                                                "%s：内联的 %s 已损坏",
		"%s: page %s is damaged (neither branch nor leaf, flags %s)":                                                  "%s：第 %s 页已损坏（既非分支页也非叶页，标志 %s）",
		"aliases: %s was merged into client %s, who is not in the book":                                               "aliases：%s 已合并到客户 %s，但客户册中没有该客户",
		"aliases: %s was merged away but is still a client":                                                           "aliases：%s 已被合并，却仍是客户",
		"spend ranking: the day it ranks is not kept (check --repair rebuilds it)":                                    "消费排名：未记录排名所属的日期（check --repair 会重建）",
		"spend ranking: %s":                                                                                           "消费排名：%s",
		"spend ranking: the chunk at %s is out of order":                                                              "消费排名：%s 处的数据块顺序错乱",
		"spend ranking: %s clients ranked for %s, the book says %s, or in another order (check --repair rebuilds it)": "消费排名：%[2]s 排名了 %[1]s 位客户，客户册应为 %[3]s 位，或顺序不同（check --repair 会重建）",
		"spend ranking: the directory of its chunks is not the chunks kept (check --repair rebuilds it)":              "消费排名：数据块目录与所存数据块不一致（check --repair 会重建）",
		"spend ranking: the spends kept per client are not the ranking's (check --repair rebuilds them)":              "消费排名：按客户记录的消费与排名不一致（check --repair 会重建）",
		"spend ranking: %s days of purchases kept hold a value where none belongs (check --repair rebuilds them)":     "消费排名：记录的 %s 个购买日含有不应有的金额（check --repair 会重建）",
		"spend ranking: %s days of purchases kept, the book says %s (check --repair rebuilds them)":                   "消费排名：记录了 %s 个购买日，客户册应为 %s 个（check --repair 会重建）",
		"%s: the entry %s is not in the index (check --repair writes it)":                                             "%s：索引项 %s 不在索引中（check --repair 会写入）",
		"%s: the entry %s holds %s, its record makes %s (check --repair writes it)":                                   "%[1]s：索引项 %[2]s 存的是 %[3]s，其记录应为 %[4]s（check --repair 会写入）",
		"%s: the entry %s points at no record that makes it (check --repair drops it)":                                "%s：索引项 %s 没有对应的记录（check --repair 会删除）",
		"%s: cannot be compared with its records: %s":                                                                 "%s：无法与其记录比对：%s",
		"%s: %s entries differ from the records in all (check --repair writes it afresh)":                             "%s：共有 %s 条与记录不符（check --repair 会重新写入）",
		"removed: the tombstone of record %s does not say what was removed":                                           "已删除记录：记录 %s 的删除标记未说明删除了什么",
		"removed: %s %s was removed on %s but is in the book again":                                                   "已删除记录：%[1]s %[2]s 已于 %[3]s 删除，却又出现在客户册中",
		"search index: %s differences in all (check --repair rebuilds it)":                                            "搜索索引：共有 %s 处不符（check --repair 会重建）",
		"search index: the notes cannot be read: %s":                                                                  "搜索索引：无法读取备注：%s",
		"search index: cannot be compared: %s":                                                                        "搜索索引：无法比对：%s",
		"search index: a key without its parts (%s)":                                                                  "搜索索引：一个缺少组成部分的键（%s）",
		"search index: the chunk at %s is out of order":                                                               "搜索索引：%s 处的数据块顺序错乱",
		"sittime: the notes do not read: %s":                                                                          "情况索引：无法读取备注：%s",
		"sittime: situation note %s of client %s is not indexed as such":                                              "情况索引：客户 %[2]s 的情况备注 %[1]s 未被索引",
		"sittime: %s entries for %s situation notes":                                                                  "情况索引：%s 条索引对应 %s 条情况备注",
		"taskdue: the due index is missing: %s open tasks are not in it (check --repair writes it)":                   "到期索引：到期索引缺失，%s 项未完成的跟进不在其中（check --repair 会写入）",
		"taskdue: %s entries differ from the tasks in all":                                                            "到期索引：共有 %s 条与跟进不符",
		"taskdue: open task %s due %s is not in the due index (check --repair writes it)":                             "到期索引：未完成的跟进 %s（%s 到期）不在到期索引中（check --repair 会写入）",
		"taskdue: the entry of task %s names client %s, the task client %s":                                           "到期索引：跟进 %s 的索引项记为客户 %s，而该跟进属于客户 %s",
		"taskdue: a key too short for a day (%s)":                                                                     "到期索引：一个键太短，不含日期（%s）",
		"taskdue: an entry for task %s due %s, which is not open on that day (check --repair drops it)":               "到期索引：跟进 %s 在 %s 有索引项，但它当天并非未完成（check --repair 会删除）",
		"%s: the %s record of client %s is not its summary's":                                                         "%[1]s：客户 %[3]s 的 %[2]s 记录与其摘要不符",
		"%s: %s %s records for %s clients":                                                                            "%[1]s：%[4]s 位客户有 %[2]s 条 %[3]s 记录",
		"%s: %s %s records differ (check --repair rebuilds them)":                                                     "%[1]s：%[2]s 条 %[3]s 记录不符（check --repair 会重建）",
		"(more problems not listed)":                                                                                  "（更多问题未列出）",
		"a record could not be read":                                                                                  "有一条记录无法读取",
		"the record of client %s is damaged":                                                                          "客户 %s 的记录已损坏",
		"the %s %s of client %s is damaged":                                                                           "客户 %[3]s 的%[1]s %[2]s 已损坏",
		"a client summary could not be read":                                                                          "有一份客户摘要无法读取",
		"the file's pages are damaged":                                                                                "文件的页已损坏",
	}
})
