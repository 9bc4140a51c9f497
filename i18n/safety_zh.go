package i18n

// zhSafety holds the words of keys.go.
var zhSafety map[Key]string

func zhSafetyTable() map[Key]string {
	return map[Key]string{
		BannerDamaged:              "客户册已损坏：不会保存任何修改。请退出，运行 vipbook check，再用 vipbook restore 恢复一个完好的备份。",
		BookKnownDamaged:           "警告：此客户册已于 %s 被发现损坏（%s）。仍可查看，但在 vipbook check 确认完好之前不会保存任何修改：请运行 vipbook check，再用 vipbook restore 恢复一个完好的备份。",
		ErrBookKnownDamaged:        "未保存：客户册已于 %s 被发现损坏（%s）。请运行 vipbook check 查看问题，再用 vipbook restore 恢复一个完好的备份；vipbook check 确认完好后即可再次保存。",
		ErrBookDamaged:             "客户册已损坏：部分内容无法读取。请运行 vipbook check 查看问题，再用 vipbook restore 恢复一个完好的备份。在此之前不会保存任何修改。",
		BackupRefusedDamaged:       "客户册已损坏（%s）：没有写入备份，完好的备份都保持原样。请运行 vipbook check 查看问题，再用 vipbook restore 恢复一个完好的备份。如仍要复制一份以便抢救：vipbook backup --force。",
		BackupRescueWritten:        "客户册已损坏：已将抢救用副本写入 %s。它不是可恢复的备份：请运行 vipbook check，再用 vipbook restore 恢复一个完好的备份。",
		BookReadableByOthers:       "警告：客户册他人也可读取（权限 %04o），而你无权修改：请文件的所有者运行 chmod 600 %s",
		AppReadRetrying:            "另一个 vipbook 正在写入客户册（导入或移交？）：稍后会自动重新读取……",
		AppReadFailed:              "无法读取客户册（%s）。",
		AppClientErasedMeanwhile:   "该客户已在另一个终端中从客户册删除：其资料已关闭，不会再为其保存任何内容。",
		AppClientErasedWhileTyping: "该客户已在另一个终端中从客户册删除：其资料和你正在为其输入的内容已关闭，均未保存。",
		AppClientMergedMeanwhile:   "该客户已在另一个终端中合并到 %s：现显示其资料。",
		AppWriteWaiting:            "正在保存：等待另一个 vipbook（另一个终端里的命令，或导入？）释放客户册；你输入的内容都已保留……",
		CliWaitingForOther:         "正在等待另一个 vipbook（另一个终端里的命令，或导入？）释放此客户册……",
		CliWaitingForBackup:        "正在等待另一个 vipbook（备份）复制完此客户册……",
		CliWaitingForApp:           "正在等待打开此客户册的应用读完或备份完……",
		CliCheckSalvaged:           "已从备份 %[3]s 恢复客户 %[1]s（%[2]s）在 %[4]s 时的记录：此后对该客户的修改已丢失。",
		CliCheckSalvagedRecord:     "已从备份 %[5]s 恢复客户 %[3]s（%[4]s）的%[1]s %[2]s 在 %[6]s 时的内容：此后对它的修改已丢失。",
		CliCheckNoSalvageRecord:    "客户 %[3]s 的%[1]s %[2]s 已损坏，且没有备份保存着完好的副本：请用 vipbook restore FILE 恢复更早的备份，或寻求帮助。",
		CliRecordNote:              "备注",
		CliRecordPurchase:          "购买记录",
		CliRecordTask:              "跟进事项",
		CliRecordAppointment:       "预约",
		CliRecordRequest:           "特别需求",
		CliCheckNoSalvage:          "客户 %s 的记录已损坏，且没有备份保存着完好的副本：请用 vipbook restore FILE 恢复更早的备份，或寻求帮助。",
		ImportErased:               "已于 %s 应客户要求删除；未导入（如需重新添加，请用 vipbook add 手动添加，或导入时加 --allow-erased）",
		ErrBookIsDirectory:         "%s 是一个目录，不是客户册文件：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
		ErrBookIsPipe:              "%s 是一个命名管道（FIFO），不是客户册文件：vipbook 不会从中读取。请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
		ErrBookIsDevice:            "%s 是一个设备，不是客户册文件：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
		ErrBookIsSpecial:           "%s 不是普通文件，不可能是客户册：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
	}
}
