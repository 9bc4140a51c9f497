package interchange

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/interchange/sheet"
)

// TestThunderbirdLocalisedHeaders: Thunderbird's CSV export names its
// columns in the language of the installation, with the words of its own
// translations (importMsgs.properties, entries 2100-2136, of
// thunderbird/thunderbird-l10n; see testdata/fixtures/SOURCES.md), in the
// order its English export writes them (First Name, Last Name, Display
// Name, Nickname, Primary Email, Secondary Email, Screen Name, Work Phone,
// Home Phone, …, Birth Year, Birth Month, Birth Day, Custom 1-4, Notes).
// Every column an associate needs is read in each language.
func TestThunderbirdLocalisedHeaders(t *testing.T) {
	want := map[int]Field{0: FieldGiven, 1: FieldFamily, 2: FieldName, 4: FieldEmail, 5: FieldEmail, 7: FieldPhone,
		8: FieldPhone, 11: FieldPhone, 12: FieldAddress, 14: FieldCity, 17: FieldCountry, 24: FieldOccupation,
		26: FieldCompany, 29: FieldBirthYear, 30: FieldBirthMonth, 31: FieldBirthDay, 36: FieldNote}
	labels := map[int]string{7: "work", 8: "home", 11: "mobile"}
	for _, tc := range []struct{ lang, header string }{
		{"de", "Vorname,Nachname,Anzeigename,Spitzname,Primäre E-Mail-Adresse,Sekundäre E-Mail-Adresse,Messenger-Name,Tel. dienstlich,Tel. privat,Fax-Nummer,Pager-Nummer,Mobil-Tel.-Nr.,Privat: Adresse,Privat: Adresse 2,Privat: Ort,Privat: Bundesland,Privat: PLZ,Privat: Land,Dienstlich: Adresse,Dienstlich: Adresse 2,Dienstlich: Ort,Dienstlich: Bundesland,Dienstlich: PLZ,Dienstlich: Land,Arbeitstitel,Abteilung,Organisation,Webseite 1,Webseite 2,Geburtsjahr,Geburtsmonat,Geburtstag,Benutzerdef. 1,Benutzerdef. 2,Benutzerdef. 3,Benutzerdef. 4,Notizen"},
		{"fr", "Prénom,Nom de famille,Nom à afficher,Surnom,Adresse e-mail principale,Adresse e-mail secondaire,Nom de l’écran,Tél. professionnel,Tél. personnel,Fax,Pager,Portable,Adresse privée,Adresse privée 2,Ville,Pays/État,Code postal,Pays/Région (domicile),Adresse professionnelle,Adresse professionnelle 2,Ville,Pays/État,Code postal,Pays/Région (bureau),Profession,Service,Société,Site web 1,Site web 2,Année de naissance,Mois,Jour,Divers 1,Divers 2,Divers 3,Divers 4,Notes"},
		{"ja", "名,姓,表示名,ニックネーム,メールアドレス,別のメールアドレス,スクリーンネーム,勤務先の電話番号,自宅の電話番号,FAX 番号,ポケットベル番号,携帯電話番号,番地 (自宅),番地 (自宅) 2,市区町村 (自宅),都道府県 (自宅),郵便番号 (自宅),国 (自宅),番地 (勤務先),番地 (勤務先) 2,市区町村 (勤務先),都道府県 (勤務先),郵便番号 (勤務先),国 (勤務先),役職,部門,組織,ウェブページ 1,ウェブページ 2,誕生年,誕生月,誕生日,追加情報 1,追加情報 2,追加情報 3,追加情報 4,メモ"},
		{"ko", "이름,성,표시명,애칭,기본 메일,추가 메일,Screen 아이디,직장 전화,자택 전화,팩스,호출기,휴대폰,자택 주소1,자택 주소2,구/군,시/도,우편번호,국가,직장 주소1,직장 주소2,구/군,시/도,우편번호,국가,직위,부서,회사명,웹 페이지1,웹 페이지2,태어난 해,태어난 달,생일,사용자 정의1,사용자 정의2,사용자 정의3,사용자 정의4,메모"},
		{"zh-CN", "名字,姓氏,显示名称,昵称,主要电子邮件,备用电子邮件,屏幕名,工作电话,家庭电话,传真号码,寻呼机号码,移动电话号码,家庭地址,家庭地址 2,城市,居住地省/自治区/直辖市,邮政编码,居住国家/地区,工作地址,工作地址 2,城市,工作地省/自治区/直辖市,邮政编码,工作国家/地区,职务,部门,公司,网页 1,网页 2,出生年份,出生月份,出生日,定制 1,定制 2,定制 3,定制 4,注释"},
		{"zh-TW", "名,姓,顯示名稱,暱稱,主要 Email,次要 Email,網路代號,商務電話,住家電話,傳真號碼,呼叫器號碼,手機號碼,住家地址,住家地址 2,居住縣市,住家省市,住家郵遞區號,居住國家,商務地址,商務地址 2,商務縣市,商務省市,商務郵遞區號,商務國家,職稱,部門,公司,網頁 1,網頁 2,出生年,出生月,出生日,自訂 1,自訂 2,自訂 3,自訂 4,附註"},
	} {
		header := strings.Split(tc.header, ",")
		m, err := DetectMapping(&sheet.Table{Header: header}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]Column{}
		for _, c := range m.Columns {
			got[c.Index] = c
		}
		for i, f := range want {
			if got[i].Field != f || got[i].Label != labels[i] {
				t.Errorf("%s: column %d %q read as %q %q, want %q %q", tc.lang, i+1, header[i], got[i].Field, got[i].Label, f, labels[i])
			}
		}
	}
}

// TestOutlookLocalisedHeaders: the column names of Outlook's German,
// French and Traditional Chinese exports, as Roundcube's importer lists
// them (program/localization/*/csv2vcard.inc of roundcube/roundcubemail;
// see testdata/fixtures/SOURCES.md), and of Windows Live Mail's Korean
// export (its header row as public groupware code writes it), are read as
// the fields they hold.
func TestOutlookLocalisedHeaders(t *testing.T) {
	for lang, cols := range map[string][][2]string{
		"de": {{"Vorname", "given"}, {"Weitere Vornamen", "middle"}, {"Nachname", "family"}, {"Firma", "company"},
			{"Position", "occupation"}, {"Straße privat", "address"}, {"Ort privat", "city"}, {"Telefon geschäftlich", "phone"},
			{"Telefon geschäftlich 2", "phone"}, {"Telefon privat", "phone"}, {"Telefon privat 2", "phone"}, {"Mobiltelefon", "phone"},
			{"Weiteres Telefon", "phone"}, {"Haupttelefon", "phone"}, {"Geburtstag", "birthday"}, {"Jahrestag", "anniversary"},
			{"Notizen", "note"}, {"Kategorien", "tags"}, {"E-Mail-Adresse", "email"}, {"Geschlecht", "gender"}},
		"fr": {{"Titre", "honorific"}, {"Prénom", "given"}, {"Deuxième prénom", "middle"}, {"Nom", "family"}, {"Société", "company"},
			{"Profession", "occupation"}, {"Rue (domicile)", "address"}, {"Ville (domicile)", "city"}, {"Pays/Région (domicile)", "country"},
			{"Téléphone (bureau)", "phone"}, {"Téléphone 2 (bureau)", "phone"}, {"Téléphone (domicile)", "phone"},
			{"Téléphone 2 (domicile)", "phone"}, {"Tél. mobile", "phone"}, {"Téléphone (autre)", "phone"}, {"Téléphone principal", "phone"},
			{"Anniversaire", "birthday"}, {"Anniversaire de mariage ou fête", "anniversary"}, {"Notes", "note"},
			{"Catégories", "tags"}, {"Adresse de messagerie", "email"}, {"Sexe", "gender"}, {"Conjoint(e)", "spouse"}},
		"zh-TW": {{"頭銜", "honorific"}, {"名字", "given"}, {"中間名", "middle"}, {"姓氏", "family"}, {"公司", "company"},
			{"職稱", "occupation"}, {"住家 - 街", "address"}, {"住家 - 市/鎮", "city"}, {"住家 - 國家/地區", "country"},
			{"商務電話", "phone"}, {"商務電話 2", "phone"}, {"住家電話", "phone"}, {"住家電話 2", "phone"}, {"行動電話", "phone"},
			{"其他電話", "phone"}, {"代表電話", "phone"}, {"生日", "birthday"}, {"紀念日", "anniversary"}, {"記事", "note"},
			{"類別", "tags"}, {"電子郵件地址", "email"}, {"性別", "gender"}, {"配偶", "spouse"}},
		// Windows Live Mail (and Outlook Express) in Korean: 이름 is the
		// given name beside 전체 이름, the whole one.
		"ko-wlm": {{"이름", "given"}, {"성", "family"}, {"중간 이름", "middle"}, {"전체 이름", "name"}, {"전자 메일 주소", "email"},
			{"주소(집)", "address"}, {"구/군/시(집)", "city"}, {"국가(집)", "country"}, {"전화", "phone"}, {"휴대폰", "phone"},
			{"회사 전화", "phone"}, {"회사", "company"}, {"직함", "occupation"}, {"메모", "note"}, {"기념일", "anniversary"}},
	} {
		header := make([]string, len(cols))
		for i, c := range cols {
			header[i] = c[0]
		}
		m, err := DetectMapping(&sheet.Table{Header: header}, nil, "")
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]Field{}
		for _, c := range m.Columns {
			got[c.Index] = c.Field
		}
		for i, c := range cols {
			if got[i] != Field(c[1]) {
				t.Errorf("%s: %q read as %q, want %q", lang, c[0], got[i], c[1])
			}
		}
	}
}
