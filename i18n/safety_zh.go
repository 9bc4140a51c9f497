package i18n

// zhSafety holds the words of keys_safety.go.
var zhSafety = map[Key]string{
	BookReadableByOthers: "警告：客户册他人也可读取（权限 %04o），而你无权修改：请文件的所有者运行 chmod 600 %s",
	ErrBookIsDirectory:   "%s 是一个目录，不是客户册文件：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
	ErrBookIsPipe:        "%s 是一个命名管道（FIFO），不是客户册文件：vipbook 不会从中读取。请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
	ErrBookIsDevice:      "%s 是一个设备，不是客户册文件：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
	ErrBookIsSpecial:     "%s 不是普通文件，不可能是客户册：请用 --book（或 VIPBOOK_BOOK）给出客户册文件的路径。",
}
