package i18n

// zhInput holds the words of keys_input.go.
var zhInput = map[Key]string{
	ErrBadTier:   "%q 不是本簿等级方案中的等级：请用 %s 之一，或留空由 vipbook 计算。",
	ErrBadEmail:  "%q 不是电子邮箱地址：请写成 name@example.com 的形式。",
	ErrDateRange: "%s 超出 vipbook 的日历范围：请填写 %s 年至 %s 年之间的日期。",
}

func init() {
	for k, s := range zhInput {
		zh[k] = s
	}
}
