package demo

// Name pools. Surnames are weighted by frequency the simple way: common
// ones appear more than once.
var (
	surnames = []string{"王", "王", "李", "李", "张", "张", "刘", "陈", "陈", "杨", "黄", "赵", "吴", "周",
		"徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许",
		"韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
		"叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "单",
		"欧阳", "司马", "上官"}
	givenChars = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰",
		"娟", "涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "玉", "萍", "红", "飞",
		"鑫", "波", "宇", "浩", "凯", "晨", "欣", "怡", "佳", "琳", "婷", "雪", "梅", "颖", "慧", "嘉",
		"子", "涵", "轩", "思", "雨", "晓", "小", "凡", "长", "乐", "行", "重", "朝", "燕", "蕾", "瑶"}
	firstNames = []string{"Anne", "Sophie", "Claire", "Emma", "Olivia", "Isabelle", "Charlotte", "Amelia",
		"Grace", "Hannah", "Julia", "Laura", "Mia", "Nora", "Sarah", "Victoria", "Yuki", "Aiko", "Hana",
		"James", "Oliver", "Thomas", "Henry", "Lucas", "Louis", "Marco", "David", "Daniel", "Samuel",
		"Kenji", "Hiro", "Arjun", "Priya", "Elena", "Sofia", "Lena", "Max", "Felix", "Ines", "Chloe"}
	lastNames = []string{"Dubois", "Martin", "Bernard", "Smith", "Johnson", "Brown", "Taylor", "Wilson",
		"Müller", "Schmidt", "Rossi", "Bianchi", "García", "Fernández", "Tanaka", "Suzuki", "Sato",
		"Kim", "Park", "Lee", "Nguyen", "Patel", "Sharma", "Cohen", "O'Brien", "Novak", "Larsen",
		"Jensen", "Moreau", "Laurent", "Costa", "Silva", "Andersson", "Kowalski", "Ivanova"}
	latinGiven = []string{"Michael", "Grace", "Vivian", "Kevin", "Cathy", "Eric", "Jenny", "Tony", "Lily",
		"Jason", "Amy", "Frank", "Helen", "Leo", "Iris", "Ryan", "Coco", "Eason", "Zoe", "Ivy"}
	cities = []struct{ city, district, country string }{
		{"上海", "静安区", "CN"}, {"上海", "徐汇区", "CN"}, {"上海", "浦东新区", "CN"}, {"北京", "朝阳区", "CN"},
		{"北京", "海淀区", "CN"}, {"杭州", "西湖区", "CN"}, {"苏州", "工业园区", "CN"}, {"深圳", "南山区", "CN"},
		{"广州", "天河区", "CN"}, {"成都", "锦江区", "CN"}, {"Hong Kong", "Central", "HK"},
		{"Paris", "8e", "FR"}, {"London", "Chelsea", "GB"}, {"Tokyo", "Minato", "JP"}, {"Singapore", "Orchard", "SG"},
		{"Milan", "Brera", "IT"}, {"New York", "Upper East Side", "US"}, {"Seoul", "Gangnam", "KR"}}
	occupations = []string{"lawyer", "surgeon", "architect", "banker", "entrepreneur", "professor", "designer",
		"investor", "consultant", "diplomat", "pilot", "art dealer", "律师", "医生", "企业主", "投资人", "教师",
		"设计师", "金融分析师", "建筑师"}
	hobbies = []string{"golf", "tennis", "opera", "tea ceremony", "calligraphy", "sailing", "skiing", "wine",
		"photography", "yoga", "horse riding", "classical music", "collecting watches", "travel",
		"高尔夫", "茶艺", "书法", "摄影", "瑜伽", "旅行", "钢琴", "马术"}
	categories = []string{"suits", "shirts", "shoes", "handbags", "scarves", "jewellery", "watches", "knitwear", "coats", "ties"}
	styles     = []string{"classic", "minimal", "tailored", "relaxed", "bold prints", "understated", "business formal", "smart casual"}
	colours    = []string{"navy", "charcoal", "camel", "black", "ivory", "burgundy", "forest green", "blush pink", "jade green", "gold"}
	materials  = []string{"cashmere", "silk", "wool flannel", "linen", "calfskin", "suede", "jade", "18k gold", "pearl", "vicuña"}
	brands     = []string{"the house line", "the heritage line", "Loro Piana", "Brunello Cucinelli", "Zegna", "Hermès"}
	fits       = []string{"slim", "regular", "relaxed", "long rise", "narrow shoulder"}
	whyBrand   = []string{"the cut fits them like nothing else", "service: we remember everything", "quality that lasts years",
		"the craftsmanship of the leather goods", "it was their father's tailor", "面料好，穿着舒服", "服务周到，记得她的尺码",
		"款式低调有质感"}
	dislikes = []string{"loud logos", "synthetic fabrics", "being rushed", "crowded weekends", "phone calls at work",
		"heavy perfume in the store", "pushy sales", "大Logo", "周末人多", "被催促"}
	gifts = []string{"flowers (white lilies)", "a handwritten card", "tea", "chocolate", "a silk pocket square",
		"fine pastries", "鲜花", "茶叶", "手写贺卡"}
	motivators = []string{"a private preview of the new collection", "first pick of limited pieces", "an evening fitting after work",
		"free alterations", "a gift for their spouse", "新品私享会", "专属到店试衣", "限量款优先"}
	items = []string{"navy wool suit", "white poplin shirt", "oxford shoes", "silk scarf", "cashmere coat",
		"leather tote", "jade bracelet", "pearl earrings", "chronograph watch", "knit polo", "loafers",
		"silk tie", "evening dress", "trench coat", "羊绒大衣", "真丝围巾", "玉手镯", "皮鞋", "衬衫"}
	notePool = map[string][]string{
		"visit":           {"tried the new season coats, liked the camel one", "came in with her daughter, looked at scarves", "quick visit, picked up alterations", "到店试了新款西装，很满意", "陪先生来看表"},
		"call":            {"called to confirm the alteration date", "called: happy with the shoes, they wear well", "电话回访，鞋子很合脚", "电话确认取货时间"},
		"message":         {"sent care tips for the cashmere coat", "WeChat: thanked us for the flowers", "微信发送了羊绒保养建议", "微信问候，天气转凉注意保暖"},
		"preference":      {"prefers navy and charcoal, no black", "likes slim fit, long rise", "only natural fibres", "喜欢低调的款式，不要大Logo", "偏爱玉石饰品"},
		"size":            {"shoe size up half: EU 39 now", "jacket 50, trousers 48 after the diet", "ring size 12, left hand", "鞋码换成38码了"},
		"complaint":       {"button came off after two wears; upset", "waited 40 minutes for alterations", "纽扣掉了，客人不太高兴"},
		"special_request": {"asked for the limited burgundy bag in size M", "wants a monogram on the briefcase", "想要限量款的酒红色手袋"},
		"situation":       {"has a cold this week, came anyway", "new baby girl last month", "promoted to partner", "moving to Hangzhou in spring", "感冒了，这周注意", "刚生了宝宝"},
		"general":         {"prefers appointments after 6pm", "parks in the east garage", "likes green tea when waiting", "喜欢喝绿茶", "下班后来店里比较方便"},
	}
	requestPool = []string{"limited burgundy bag in M", "the grey flannel suit in size 52 (sold out here)", "matching cufflinks for the wedding",
		"a men's jade pendant", "限量款丝巾", "48码的灰色西裤", "定制刻字的钱包"}
)
