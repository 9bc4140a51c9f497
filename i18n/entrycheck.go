package i18n

// The English and Chinese of the checks of a size and a measurement
// (keys_entrycheck.go).

func initEntryCheck() {
	for k, s := range map[Key]string{
		ErrSizeSystem:   "Unknown size system %q: use %s.",
		ErrSizeValue:    "%q is not a size: write a number or letters, such as 39, 39.5, 7 1/2, M or 42R.",
		ErrMeasureValue: "%q is not a measurement: write a number above 0, such as 98, 98.5 or 38 1/2.",
		ErrMeasureUnit:  "Unknown unit %q: use %s.",
		ErrMeasureUnits: "%q ends with the unit %s, but the unit is %s: give one unit only.",
	} {
		en[k] = s
	}
	for k, s := range map[Key]string{
		ErrSizeSystem:   "不认识尺码标准“%s”；可用：%s。",
		ErrSizeValue:    "“%s”不是尺码：请写数字或字母，如 39、39.5、7 1/2、M、42R。",
		ErrMeasureValue: "“%s”不是尺寸数值：请写大于 0 的数字，如 98、98.5、38 1/2。",
		ErrMeasureUnit:  "不认识单位“%s”；可用：%s。",
		ErrMeasureUnits: "“%s”带有单位 %s，但单位是 %s：请只给一个单位。",
	} {
		zh[k] = s
	}
}
