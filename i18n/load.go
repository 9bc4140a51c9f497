package i18n

import "sync"

// loadOnce builds the catalogs on first use (New), not at program start:
// their map literals cost over a millisecond to build, which every run of
// vipbook, even --version, would pay in init (cmd/vipbook TestInitCost).
var loadOnce sync.Once

// load builds every table of the catalogs, then merges the parts kept in
// files of their own, in the order of those files.
func load() {
	loadOnce.Do(func() {
		enApp = enAppTable()
		zhApp = zhAppTable()
		audiences = audiencesTable()
		enCLI = enCLITable()
		enOneCLI = enOneCLITable()
		zhCLI = zhCLITable()
		en = enTable()
		helpEN = helpENTable()
		helpProfileEN = helpProfileENTable()
		helpProfileZH = helpProfileZHTable()
		helpZH = helpZHTable()
		enImport = enImportTable()
		zhImport = zhImportTable()
		enInput = enInputTable()
		zhInput = zhInputTable()
		enExport = enExportTable()
		zhExport = zhExportTable()
		enHandover = enHandoverTable()
		zhHandover = zhHandoverTable()
		mergeFieldNames = mergeFieldNamesTable()
		enOneApp = enOneAppTable()
		enProfile = enProfileTable()
		zhProfile = zhProfileTable()
		reasonKeys = reasonKeysTable()
		counted = countedTable()
		enReasons = enReasonsTable()
		enOneReasons = enOneReasonsTable()
		zhReasons = zhReasonsTable()
		titleArgs = titleArgsTable()
		enRules = enRulesTable()
		zhRules = zhRulesTable()
		enSafety = enSafetyTable()
		zhSafety = zhSafetyTable()
		enClientMerge = enClientMergeTable()
		zhClientMerge = zhClientMergeTable()
		enUsage = enUsageTable()
		zhUsage = zhUsageTable()
		zh = zhTable()
		catalogs = map[string]map[Key]string{English: en, Chinese: zh}
		initAppEn1()
		initClientMerge1()
		initConfig1()
		initYesNo1()
		initChain1()
		initHelpProfile1()
		initImportEn1()
		initInputEn1()
		initInputZh1()
		initKeysExport1()
		initKeysHandover1()
		initPlural1()
		initProfile1()
		initRules1()
		initSafetyEn1()
		initSync()
		initUsage1()
		initTaskList()
		initProfileApp()
		initReading()
		initEntryCheck()
	})
}
