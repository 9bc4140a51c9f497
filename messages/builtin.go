package messages

// builtin are the built-in templates by "kind.lang". They follow the rules
// of docs/domain.md: a friend's voice, wishes without store news, care without products, and
// never a question about what went wrong.
var builtin = map[string]string{
	"holiday.en": `Dear {{.Salutation}}, happy {{.Occasion}} to you and your family! May the days ahead bring you rest, good company and plenty of joy.{{.Sign}}`,
	"holiday.zh": `{{.Salutation}}，{{.Occasion}}快乐！愿您和家人团圆美满，幸福安康。{{.Sign}}`,

	"birthday.en": `Dear {{.Salutation}}, happy birthday! Today is your day{{with .Hobby}}: I hope there is time for {{.}}{{end}} and for the people you love. Wishing you a wonderful year ahead.{{.Sign}}`,
	"birthday.zh": `{{.Salutation}}，生日快乐！今天是属于您的日子，{{with .Hobby}}愿您有空享受{{.}}的乐趣，{{end}}和家人朋友共度美好时光。祝您新的一岁健康顺心！{{.Sign}}`,

	"season.en": `Dear {{.Salutation}}, a little note as the season turns. {{.SeasonCare}} I was thinking of you and hope all is well.{{.Sign}}`,
	"season.zh": `{{.Salutation}}，{{.SeasonCare}}想起您，祝您一切安好。{{.Sign}}`,

	"miss_you.en": `Dear {{.Salutation}}, it has been a while and I was thinking of you. I hope you and your family are well{{with .Hobby}}, and that you still find time for {{.}}{{end}}. Whenever you are passing by, it would be lovely to see you, even just for a cup of tea.{{.Sign}}`,
	"miss_you.zh": `{{.Salutation}}，好久不见，挺想念您的！希望您和家人一切都好{{with .Hobby}}，{{.}}的爱好依然乐在其中{{end}}。路过的时候欢迎进来坐坐，喝杯茶聊聊天。{{.Sign}}`,

	"thank_you.en": `Dear {{.Salutation}}, thank you for coming in{{if .BoughtToday}} today{{else}} the other day{{end}}{{with .Items}} and for choosing the {{.}}{{end}}; it was a pleasure to see you. A small tip to keep it at its best: {{.CareTip}} If anything needs adjusting, just let me know.{{.Sign}}`,
	"thank_you.zh": `{{.Salutation}}，感谢您{{if .BoughtToday}}今天{{else}}前些天{{end}}的光临{{with .Items}}，也感谢您选择了{{.}}{{end}}，见到您很开心。保养小提示：{{.CareTip}}如有任何需要调整的地方，随时告诉我。{{.Sign}}`,

	"call.en": `Dear {{.Salutation}}, how is the {{.Piece}} after a few days? I hope it is comfortable and goes with your wardrobe as you hoped. If anything does not feel quite right, tell me and we will sort it out.{{.Sign}}`,
	"call.zh": `{{.Salutation}}，{{.Piece}}用了几天，感觉怎么样？希望穿着舒适、搭配称心。如有任何不合适的地方，请告诉我，我们一定为您处理好。{{.Sign}}`,

	"care.en": `Dear {{.Salutation}}, a small care tip for your {{.Piece}}: {{.CareTip}}{{with .Colour}} A styling idea: it pairs beautifully with the {{.}} you love.{{end}} {{.SeasonCare}}{{.Sign}}`,
	"care.zh": `{{.Salutation}}，给您的{{.Piece}}一个保养小贴士：{{.CareTip}}{{with .Colour}}搭配建议：和您喜欢的{{.}}很相配。{{end}}{{.SeasonCare}}{{.Sign}}`,

	"service_invite.en": `Dear {{.Salutation}}, your {{.Piece}} has been with you for a few months now. Whenever it suits you, bring it by and we will gladly clean and check it for you, so it stays as good as new.{{.Sign}}`,
	"service_invite.zh": `{{.Salutation}}，{{.Piece}}已经陪伴您几个月了。您方便的时候欢迎带来店里，我们为您做一次清洁和保养，让它保持如新。{{.Sign}}`,

	"referral_thanks.en": `Dear {{.Salutation}}, thank you so much for introducing {{or .Referred "your friend"}} to us. Your trust means a great deal, and we will take good care of them.{{.Sign}}`,
	"referral_thanks.zh": `{{.Salutation}}，非常感谢您把{{or .Referred "朋友"}}介绍给我们！感谢您的信任，我们一定用心服务。{{.Sign}}`,

	"welcome.en": `Dear {{.Salutation}}, welcome, and thank you for coming in{{with .Referrer}}; {{.}} has told us so much about you{{end}}. I look forward to getting to know your taste: whenever you visit, just ask for me.{{.Sign}}`,
	"welcome.zh": `{{.Salutation}}，欢迎您！感谢您的光临{{with .Referrer}}，{{.}}常向我们提起您{{end}}。期待更了解您的喜好，来店时随时找我。{{.Sign}}`,

	"complaint.en": `Dear {{.Salutation}}, I wanted to check that everything is now as it should be. Thank you for telling us and for your patience: it helps us do better. If anything is still not right, please tell me directly.{{.Sign}}`,
	"complaint.zh": `{{.Salutation}}，想跟您确认一下问题是否已经妥善解决。感谢您告诉我们，也感谢您的耐心，这让我们做得更好。如果还有任何不满意的地方，请直接告诉我。{{.Sign}}`,
}
