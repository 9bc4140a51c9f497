package i18n

// zhRules is the Chinese of the rules' titles (keys.go).
var zhRules map[Key]string

func zhRulesTable() map[Key]string {
	return map[Key]string{
		TitleThankYou:           "发送购物感谢信息",
		TitleThankYouFor:        "发送购物感谢信息（%s）",
		TitleCall:               "回访电话：穿着感受如何？",
		TitleCallFor:            "回访电话：穿着感受如何？（%s）",
		TitleCare:               "关怀信息：新品保养与搭配建议",
		TitleCareFor:            "关怀信息：新品保养与搭配建议（%s）",
		TitleService:            "邀请回店保养或清洗",
		TitleServiceFor:         "邀请回店保养或清洗（%s）",
		TitleThankReferrer:      "感谢%s介绍%s",
		TitleWelcome:            "欢迎新客户%s（%s介绍）",
		TitleReferralFollowUp:   "跟进%[2]s介绍的新客户%[1]s",
		TitleErasedClient:       "一位已删除的客户",
		TitleHandedOnClient:     "一位已移交的客户",
		TitleTopSpender:         "亲自拜访，送上鲜花或礼物，并请教意见：近12个月消费第一（%s）",
		TitleComplaint:          "客诉处理：按八个步骤跟进",
		TaskCancelledDNC:        "已取消：客户要求不再联系",
		TitleTopSpenderYear:     "亲自拜访，送上鲜花或礼物，并请教意见：自%[2]s起本年度消费第一（%[1]s）",
		TaskCancelledOvertaken:  "已取消：%s现为本年度消费第一（%s）",
		TitleCardLapsing:        "邀请回店：%[1]s须在 %[2]s 前累计满 %[3]s 才能保留",
		TaskCancelledCardKept:   "已关闭：会员卡已保留（一笔消费已续卡或升级）",
		TaskCancelledCardLapsed: "已关闭：会员卡已到期",
		TaskCardRenewal:         "续卡邀约",
		SecCards:                "30 天内到期的会员卡（%s）",
		CardWithOutlook:         "%s：%s",

		ComplaintStep1: "倾听并共情",
		ComplaintStep2: "沟通",
		ComplaintStep3: "真诚道歉",
		ComplaintStep4: "分析并复述问题",
		ComplaintStep5: "解释说明",
		ComplaintStep6: "公平解决",
		ComplaintStep7: "补偿（一份小礼物）",
		ComplaintStep8: "确认满意并致谢",
	}
}
