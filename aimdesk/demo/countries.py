"""Sourcing countries of the demo universe: cities, regions, postal formats, streets, names.

Everything here is invented but shaped like real supplier lists: a city has the spellings
members use for it (``Ho Chi Minh City`` / ``HCMC`` / ``Saigon``), a region has its short and
local forms, and a postal pattern gives the country's format (``#`` a digit, ``@`` a letter).
No word here may equal the first word of a demo member's name (see ``members.py``), or the
anonymity scan of the common document would report a false leak.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class City:
    """A town where supplier sites sit, with the spellings members use for it."""

    name: str
    variants: tuple[str, ...]
    region: str
    region_variants: tuple[str, ...]
    postal: str
    districts: tuple[str, ...] = ()
    local: str = ""
    region_local: str = ""
    districts_local: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Country:
    """One sourcing country: where its sites are and how its factories are named."""

    code: str
    weight: float
    sectors: dict[str, float]
    cities: tuple[City, ...]
    streets: tuple[str, ...]
    address_style: str  # "no_first" | "num_first" | "street_num" | "street_comma_num" | "street_no"
    brands: tuple[str, ...]
    industries: dict[str, tuple[str, ...]]
    legal: tuple[tuple[str, float], ...]
    is_brand_first: bool = True
    streets_local: tuple[str, ...] = ()
    parks: tuple[str, ...] = ()
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _c(name: str, variants: str, region: str, region_variants: str, postal: str,
       districts: str = "", local: str = "", region_local: str = "",
       districts_local: str = "") -> City:
    """Compact City constructor: variant lists are '|'-separated strings."""

    def split(text: str) -> tuple[str, ...]:
        return tuple(part for part in text.split("|") if part)

    return City(name, split(variants), region, split(region_variants), postal,
                split(districts), local, region_local, split(districts_local))


# --- Legal forms: key -> spellings; the first is the "official" one -----------------------

LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "co_ltd": ("Co., Ltd.", "Co.,Ltd", "Co. Ltd", "Company Limited", "CO.,LTD.", "Co Ltd", "Co., Limited"),
    "ltd": ("Ltd", "Ltd.", "Limited"),
    "plc": ("plc", "PLC", "Public Limited Company"),
    "in_pvt": ("Pvt. Ltd.", "Pvt Ltd", "Private Limited", "P. Ltd.", "(P) Ltd", "Pvt. Limited"),
    "pk_pvt": ("(Pvt.) Ltd.", "(Pvt) Ltd", "(Private) Limited", "Pvt Ltd", "Private Ltd"),
    "tr_as": ("San. ve Tic. A.Ş.", "Sanayi ve Ticaret A.Ş.", "Sanayi ve Ticaret Anonim Şirketi",
              "San. Tic. A.Ş.", "San. ve Tic. AS", "A.Ş."),
    "tr_ltd": ("San. ve Tic. Ltd. Şti.", "Sanayi ve Ticaret Limited Şirketi", "San. Tic. Ltd. Şti.",
               "Ltd. Şti.", "Ltd Sti"),
    "mx": ("S.A. de C.V.", "SA de CV", "S. A. de C. V.", "S.A. DE C.V.", "SA DE CV"),
    "br_ltda": ("Ltda.", "LTDA", "Ltda"),
    "sa": ("S.A.", "SA", "S/A"),
    "es_sl": ("S.L.", "SL", "S.L.U.", "Sociedad Limitada"),
    "pt_lda": ("Lda.", "Lda", "LDA", "Limitada"),
    "it_srl": ("S.r.l.", "SRL", "Srl", "s.r.l."),
    "it_spa": ("S.p.A.", "SpA", "S.P.A."),
    "pl": ("Sp. z o.o.", "Sp. z.o.o.", "sp. z o. o.", "Spółka z o.o."),
    "gmbh": ("GmbH", "Gmbh", "G.m.b.H."),
    "gmbh_kg": ("GmbH & Co. KG", "GmbH & Co KG", "GmbH u. Co. KG"),
    "ag": ("AG", "A.G."),
    "sas": ("SAS", "S.A.S.", "S.A.S"),
    "sarl": ("SARL", "S.A.R.L.", "Sarl"),
    "inc": ("Inc.", "Inc", "Incorporated"),
    "llc": ("LLC", "L.L.C.", "Llc"),
    "corp": ("Corp.", "Corporation", "Corp"),
    "za_pty": ("(Pty) Ltd", "Pty Ltd", "(Proprietary) Limited", "(PTY) LTD"),
    "sae": ("S.A.E.", "SAE", "(S.A.E.)"),
    "jsc": ("Joint Stock Company", "JSC", "J.S.C.", "Joint-Stock Co."),
    "pcl": ("Public Company Limited", "PCL", "Public Co., Ltd."),
    "id_pt": ("PT", "PT.", "P.T."),
    "factory": ("Factory", "Factory", "Fty"),
}
"""Legal-form spellings. ``id_pt`` is written before the name, all others after it."""


# --- China ---------------------------------------------------------------------------------

CN_SYLLABLES: tuple[tuple[str, str], ...] = (
    ("Xin", "新"), ("Hua", "华"), ("Jin", "金"), ("Long", "龙"), ("Heng", "恒"), ("Li", "利"),
    ("Feng", "丰"), ("Da", "大"), ("Fu", "富"), ("Tai", "泰"), ("Sheng", "盛"), ("Mei", "美"),
    ("Hong", "宏"), ("Yuan", "源"), ("Kang", "康"), ("Ming", "明"), ("Tian", "天"), ("Cheng", "诚"),
    ("Rui", "瑞"), ("Xing", "兴"), ("An", "安"), ("Bao", "宝"), ("De", "德"), ("Guang", "光"),
    ("Hai", "海"), ("Jia", "佳"), ("Yi", "艺"), ("Yong", "永"), ("Zhong", "中"), ("Hui", "辉"),
    ("Ding", "鼎"), ("Shun", "顺"), ("Chang", "昌"), ("Lian", "联"), ("Wei", "伟"), ("Qiang", "强"),
)
"""Pinyin syllables with their characters; two make a Chinese trade name (Xinhua 新华)."""

CN_ENGLISH_BRANDS: tuple[tuple[str, str], ...] = (
    ("Golden Star", "金星"), ("Great Wall", "长城"), ("Red Sun", "红日"), ("Rising Sun", "旭日"),
    ("Silver Moon", "银月"), ("Double Happiness", "双喜"), ("Golden Dragon", "金龙"),
    ("Five Rams", "五羊"), ("Oriental Pearl", "东方明珠"), ("Sunshine", "阳光"),
)
"""English trade names Chinese factories use; source of same-name, different-site pairs."""

CN_INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "apparel": (("Garment", "服装"), ("Textile", "纺织"), ("Knitting", "针织"), ("Apparel", "服饰"),
                ("Shoes", "鞋业"), ("Bags", "箱包"), ("Knitwear", "针织服装")),
    "home": (("Household Products", "家居用品"), ("Furniture", "家具"), ("Ceramics", "陶瓷"),
             ("Hardware", "五金"), ("Home Textile", "家纺"), ("Candle", "蜡烛")),
    "food": (("Food", "食品"), ("Foodstuff", "食品"), ("Tea", "茶业"), ("Aquatic Products", "水产品")),
    "beauty": (("Cosmetics", "化妆品"), ("Daily Chemical", "日用化工"), ("Brush", "刷业")),
    "packaging": (("Packaging", "包装"), ("Printing", "印刷"), ("Plastic Products", "塑料制品"),
                  ("Paper Products", "纸品")),
    "toys": (("Toys", "玩具"), ("Electronics", "电子"), ("Plastic Toys", "塑胶玩具")),
}

CN_STREETS: tuple[tuple[str, str], ...] = (
    ("Xinhua Road", "新华路"), ("Industrial Avenue", "工业大道"), ("Renmin Road", "人民路"),
    ("Jianshe Road", "建设路"), ("Changxing Road", "长兴路"), ("Huancheng Road", "环城路"),
    ("Keji Road", "科技路"), ("Dongfeng Road", "东风路"), ("Zhenxing Road", "振兴路"),
    ("Xingye Road", "兴业路"), ("Chuangye Road", "创业路"), ("Binhai Avenue", "滨海大道"),
    ("Gongye East Road", "工业东路"), ("Jinqiao Road", "金桥路"),
)

CN_CITIES: tuple[City, ...] = (
    _c("Dongguan", "Dongguan City|DongGuan|Dong Guan", "Guangdong", "Guangdong Province|GD|Kwangtung", "523###",
       "Chang'an Town|Humen Town|Houjie Town|Dalang Town", "东莞", "广东", "长安镇|虎门镇|厚街镇|大朗镇"),
    _c("Guangzhou", "Guangzhou City|Canton|GuangZhou", "Guangdong", "Guangdong Province|GD", "510###",
       "Panyu District|Baiyun District|Huadu District", "广州", "广东", "番禺区|白云区|花都区"),
    _c("Shenzhen", "Shenzhen City|ShenZhen|Shen Zhen", "Guangdong", "Guangdong Province|GD", "518###",
       "Bao'an District|Longgang District|Longhua District", "深圳", "广东", "宝安区|龙岗区|龙华区"),
    _c("Foshan", "Foshan City|Fo Shan", "Guangdong", "Guangdong Province|GD", "528###",
       "Nanhai District|Shunde District", "佛山", "广东", "南海区|顺德区"),
    _c("Shantou", "Shantou City|Swatow", "Guangdong", "Guangdong Province|GD", "515###",
       "Chenghai District|Chaoyang District", "汕头", "广东", "澄海区|潮阳区"),
    _c("Ningbo", "Ningbo City|Ning Bo", "Zhejiang", "Zhejiang Province|ZJ|Chekiang", "315###",
       "Yinzhou District|Beilun District|Cixi", "宁波", "浙江", "鄞州区|北仑区|慈溪市"),
    _c("Shaoxing", "Shaoxing City|Shao Xing", "Zhejiang", "Zhejiang Province|ZJ", "312###",
       "Keqiao District|Shangyu District", "绍兴", "浙江", "柯桥区|上虞区"),
    _c("Yiwu", "Yiwu City|Yi Wu", "Zhejiang", "Zhejiang Province|ZJ", "322###",
       "Futian Street|Beiyuan Street", "义乌", "浙江", "福田街道|北苑街道"),
    _c("Hangzhou", "Hangzhou City|Hang Zhou", "Zhejiang", "Zhejiang Province|ZJ", "311###",
       "Xiaoshan District|Yuhang District", "杭州", "浙江", "萧山区|余杭区"),
    _c("Suzhou", "Suzhou City|Su Zhou", "Jiangsu", "Jiangsu Province|JS|Kiangsu", "215###",
       "Wujiang District|Changshu|Kunshan", "苏州", "江苏", "吴江区|常熟市|昆山市"),
    _c("Nantong", "Nantong City|Nan Tong", "Jiangsu", "Jiangsu Province|JS", "226###",
       "Haimen District|Tongzhou District", "南通", "江苏", "海门区|通州区"),
    _c("Qingdao", "Qingdao City|Tsingtao|Qing Dao", "Shandong", "Shandong Province|SD", "266###",
       "Jimo District|Huangdao District|Jiaozhou", "青岛", "山东", "即墨区|黄岛区|胶州市"),
    _c("Xiamen", "Xiamen City|Amoy|Xia Men", "Fujian", "Fujian Province|FJ|Fukien", "361###",
       "Jimei District|Tong'an District|Haicang District", "厦门", "福建", "集美区|同安区|海沧区"),
    _c("Quanzhou", "Quanzhou City|Quan Zhou", "Fujian", "Fujian Province|FJ", "362###",
       "Jinjiang|Shishi", "泉州", "福建", "晋江市|石狮市"),
    _c("Shanghai", "Shanghai City|Shang Hai", "Shanghai", "Shanghai Municipality|SH", "201###",
       "Songjiang District|Jiading District|Qingpu District", "上海", "上海", "松江区|嘉定区|青浦区"),
    _c("Zhengzhou", "Zhengzhou City|Zheng Zhou", "Henan", "Henan Province|HA", "450###",
       "Zhongmou County|Xinzheng", "郑州", "河南", "中牟县|新郑市"),
    _c("Ganzhou", "Ganzhou City|Gan Zhou", "Jiangxi", "Jiangxi Province|JX", "341###",
       "Nankang District|Yudu County", "赣州", "江西", "南康区|于都县"),
)

# --- Vietnam -------------------------------------------------------------------------------

VN_BRANDS: tuple[str, ...] = (
    "Phú Thịnh", "Việt Hưng", "Hòa Bình", "Thành Công", "Minh Anh", "Đại Phát", "Tân Thành",
    "Hưng Long", "Phước Long", "An Phát", "Hoàng Gia", "Kim Long", "Trường Sơn", "Đông Á",
    "Thiên Phúc", "Sao Vàng", "Bảo Minh", "Hải Nam", "Quang Vinh", "Nam Việt",
)
VN_INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "apparel": (("Garment", "May"), ("Textile", "Dệt"), ("Footwear", "Giày da"), ("Knitwear", "Dệt kim")),
    "home": (("Wood Products", "Gỗ"), ("Furniture", "Nội thất"), ("Ceramics", "Gốm sứ")),
    "food": (("Seafood", "Thủy sản"), ("Food", "Thực phẩm"), ("Coffee", "Cà phê"), ("Cashew", "Hạt điều")),
    "packaging": (("Packaging", "Bao bì"), ("Plastic", "Nhựa")),
    "beauty": (("Cosmetics", "Mỹ phẩm"),),
}
VN_STREETS: tuple[str, ...] = (
    "Nguyễn Văn Linh", "Lê Lợi", "Trần Hưng Đạo", "Lý Thường Kiệt", "Hùng Vương", "Quang Trung",
    "Võ Văn Kiệt", "Phạm Văn Đồng", "Nguyễn Trãi", "Hai Bà Trưng", "Quốc lộ 1A", "Đại lộ Bình Dương",
)
VN_PARKS: tuple[tuple[str, str], ...] = (
    ("Song Than 2 Industrial Park", "KCN Sóng Thần 2"), ("VSIP 1 Industrial Park", "KCN VSIP 1"),
    ("Tan Tao Industrial Park", "KCN Tân Tạo"), ("Amata Industrial Park", "KCN Amata"),
    ("Nomura Industrial Park", "KCN Nomura"), ("Hoa Khanh Industrial Park", "KCN Hòa Khánh"),
)
VN_CITIES: tuple[City, ...] = (
    _c("Ho Chi Minh City", "HCMC|Saigon|TP. Hồ Chí Minh|TP HCM|Thanh pho Ho Chi Minh|Sài Gòn", "Ho Chi Minh City",
       "HCMC|Hồ Chí Minh", "700###", "District 7|Binh Tan District|Thu Duc City|District 12", "TP. Hồ Chí Minh",
       "TP. Hồ Chí Minh", "Quận 7|Quận Bình Tân|TP. Thủ Đức|Quận 12"),
    _c("Thu Dau Mot", "Thủ Dầu Một|Thu Dau Mot City", "Binh Duong", "Bình Dương|Binh Duong Province", "820###",
       "Hiep An Ward|Phu Tan Ward", "Thủ Dầu Một", "Bình Dương", "Phường Hiệp An|Phường Phú Tân"),
    _c("Di An", "Dĩ An|Di An City|Dian", "Binh Duong", "Bình Dương|Binh Duong Province", "820###",
       "Tan Dong Hiep Ward|Binh An Ward", "Dĩ An", "Bình Dương", "Phường Tân Đông Hiệp|Phường Bình An"),
    _c("Bien Hoa", "Biên Hòa|Bien Hoa City", "Dong Nai", "Đồng Nai|Dong Nai Province", "810###",
       "Long Binh Ward|An Binh Ward", "Biên Hòa", "Đồng Nai", "Phường Long Bình|Phường An Bình"),
    _c("Hanoi", "Hà Nội|Ha Noi|Ha Noi City", "Hanoi", "Hà Nội|Ha Noi", "100###",
       "Long Bien District|Dong Anh District", "Hà Nội", "Hà Nội", "Quận Long Biên|Huyện Đông Anh"),
    _c("Hai Phong", "Hải Phòng|Haiphong", "Hai Phong", "Hải Phòng|Haiphong City", "180###",
       "An Duong District|Hong Bang District", "Hải Phòng", "Hải Phòng", "Huyện An Dương|Quận Hồng Bàng"),
    _c("Da Nang", "Đà Nẵng|Danang", "Da Nang", "Đà Nẵng|Danang City", "550###",
       "Lien Chieu District|Hoa Vang District", "Đà Nẵng", "Đà Nẵng", "Quận Liên Chiểu|Huyện Hòa Vang"),
    _c("Nam Dinh", "Nam Định|Namdinh", "Nam Dinh", "Nam Định|Nam Dinh Province", "420###",
       "Loc Ha Ward", "Nam Định", "Nam Định", "Phường Lộc Hạ"),
)

# --- Thailand ------------------------------------------------------------------------------

TH_BRANDS: tuple[tuple[str, str], ...] = (
    ("Siam", "สยาม"), ("Sahapat", "สหพัฒน์"), ("Charoen", "เจริญ"), ("Rungroj", "รุ่งโรจน์"),
    ("Thanakorn", "ธนากร"), ("Sombat", "สมบัติ"), ("Pattana", "พัฒนา"), ("Kittisak", "กิตติศักดิ์"),
    ("Chaiyaporn", "ชัยพร"), ("Wattana", "วัฒนา"), ("Sukjai", "สุขใจ"), ("Mongkol", "มงคล"),
    ("Thai Star", "ไทยสตาร์"), ("Chao Phraya", "เจ้าพระยา"),
)
TH_INDUSTRIES: dict[str, tuple[tuple[str, str], ...]] = {
    "food": (("Food", "อาหาร"), ("Frozen Food", "อาหารแช่แข็ง"), ("Canning", "กระป๋อง"), ("Seafood", "อาหารทะเล")),
    "beauty": (("Cosmetics", "คอสเมติก"), ("Herbal Products", "ผลิตภัณฑ์สมุนไพร"), ("Laboratories", "แล็บบอราทอรี่")),
    "packaging": (("Packaging", "แพ็คเกจจิ้ง"), ("Plastic Industry", "อุตสาหกรรมพลาสติก")),
    "apparel": (("Garment", "การ์เม้นท์"), ("Textile", "เท็กซ์ไทล์")),
    "home": (("Rubber Products", "ผลิตภัณฑ์ยาง"), ("Ceramic", "เซรามิค")),
}
TH_STREETS: tuple[str, ...] = (
    "Bangna-Trad Road", "Sukhumvit Road", "Phetkasem Road", "Rama II Road", "Setthakit 1 Road",
    "Phahonyothin Road", "Theparak Road", "Srinakarin Road",
)
TH_CITIES: tuple[City, ...] = (
    _c("Bangkok", "Krung Thep Maha Nakhon|BKK|Bangkok Metropolis", "Bangkok", "Krung Thep", "10###",
       "Bang Khun Thian|Lat Krabang|Bang Na", "กรุงเทพฯ", "กรุงเทพมหานคร", "บางขุนเทียน|ลาดกระบัง|บางนา"),
    _c("Samut Prakan", "Samutprakarn|Samut Prakarn|Bang Phli", "Samut Prakan", "Samutprakarn", "10###",
       "Bang Phli|Bang Sao Thong", "สมุทรปราการ", "สมุทรปราการ", "บางพลี|บางเสาธง"),
    _c("Samut Sakhon", "Samutsakorn|Mahachai|Samut Sakorn", "Samut Sakhon", "Samutsakorn", "74###",
       "Mueang Samut Sakhon|Krathum Baen", "สมุทรสาคร", "สมุทรสาคร", "เมืองสมุทรสาคร|กระทุ่มแบน"),
    _c("Chonburi", "Chon Buri|Chonburee|Si Racha", "Chonburi", "Chon Buri", "20###",
       "Si Racha|Bo Win|Phan Thong", "ชลบุรี", "ชลบุรี", "ศรีราชา|บ่อวิน|พานทอง"),
    _c("Nakhon Pathom", "Nakornpathom|Nakhonpathom", "Nakhon Pathom", "Nakornpathom", "73###",
       "Sam Phran|Nakhon Chai Si", "นครปฐม", "นครปฐม", "สามพราน|นครชัยศรี"),
    _c("Rayong", "Rayong City|Map Ta Phut", "Rayong", "Rayong Province", "21###",
       "Pluak Daeng|Nikhom Phatthana", "ระยอง", "ระยอง", "ปลวกแดง|นิคมพัฒนา"),
    _c("Ayutthaya", "Phra Nakhon Si Ayutthaya|Ayudhya|Ayuthaya", "Phra Nakhon Si Ayutthaya", "Ayutthaya", "13###",
       "Bang Pa-in|Uthai", "อยุธยา", "พระนครศรีอยุธยา", "บางปะอิน|อุทัย"),
    _c("Pathum Thani", "Pathumthani|Khlong Luang", "Pathum Thani", "Pathumthani", "12###",
       "Khlong Luang|Lam Luk Ka", "ปทุมธานี", "ปทุมธานี", "คลองหลวง|ลำลูกกา"),
)

# --- Other countries (Latin-script names) --------------------------------------------------

OTHER_COUNTRIES: tuple[Country, ...] = (
    Country(
        "IN", 10.0, {"apparel": 5, "home": 3, "food": 1.5, "beauty": 0.5, "packaging": 0.5},
        (
            _c("Tiruppur", "Tirupur|Tiruppur City", "Tamil Nadu", "TN|Tamilnadu", "641 6##",
               "Avinashi|Palladam|Perumanallur"),
            _c("Bengaluru", "Bangalore|Bengaluru City|Bangalore Urban", "Karnataka", "KA", "560 0##",
               "Peenya Industrial Area|Bommasandra|Yeshwanthpur"),
            _c("Gurugram", "Gurgaon|Gurugram City", "Haryana", "HR", "122 0##", "Udyog Vihar|Sector 37|Manesar"),
            _c("Noida", "NOIDA|Greater Noida", "Uttar Pradesh", "UP|U.P.", "201 3##", "Phase II|Sector 63|Sector 80"),
            _c("Ludhiana", "Ludhiana City", "Punjab", "PB", "141 0##", "Focal Point|Industrial Area A"),
            _c("Mumbai", "Bombay|Mumbai City|Navi Mumbai", "Maharashtra", "MH", "400 0##",
               "Andheri East|Bhiwandi|Turbhe MIDC"),
            _c("Chennai", "Madras|Chennai City", "Tamil Nadu", "TN|Tamilnadu", "600 0##",
               "Ambattur Industrial Estate|Guindy|Sriperumbudur"),
            _c("Kolkata", "Calcutta|Kolkata City", "West Bengal", "WB", "700 0##", "Howrah|Salt Lake Sector V"),
            _c("Jaipur", "Jaipur City|Pink City", "Rajasthan", "RJ", "302 0##", "Sitapura Industrial Area|Sanganer"),
            _c("Panipat", "Panipat City", "Haryana", "HR", "132 1##", "Sector 29|Barsat Road"),
            _c("Karur", "Karur City", "Tamil Nadu", "TN|Tamilnadu", "639 0##", "Thanthonimalai|Vengamedu"),
            _c("Moradabad", "Muradabad|Moradabad City", "Uttar Pradesh", "UP|U.P.", "244 0##", "Delhi Road|Lakri Fazalpur"),
        ),
        ("Avinashi Road", "Mettupalayam Road", "Hosur Road", "Industrial Area Road", "GT Karnal Road",
         "Old Mahabalipuram Road", "Station Road", "Mathura Road", "Kangayam Road", "Mysore Road"),
        "no_first",
        ("Shree Ganesh", "Shri Ram", "Sri Lakshmi", "Om Sai", "Jai Durga", "Mahalaxmi", "Siddhi Vinayak",
         "Kaveri", "Narmada", "Sapphire", "Royal Classic", "Bharat", "Surya", "Navratna", "Arihant",
         "Padmavati", "Sunrise", "Akash", "Amrit", "Tirupati", "Annapurna", "Ganga", "Vishnu", "Saraswati"),
        {"apparel": ("Exports", "Apparels", "Garments", "Knitwear", "Textiles", "Fashions", "Clothing"),
         "home": ("Home Textiles", "Handicrafts", "Carpets", "Metal Crafts", "Furnishings"),
         "food": ("Foods", "Agro Products", "Spices", "Rice Mills", "Tea Estates"),
         "beauty": ("Herbals", "Cosmetics", "Essential Oils"),
         "packaging": ("Packaging", "Paper Products", "Polymers")},
        (("in_pvt", 0.72), ("ltd", 0.15), ("", 0.13)),
        parks=("SIPCOT Industrial Park", "Apparel Export Park", "Special Economic Zone"),
    ),
    Country(
        "BD", 7.0, {"apparel": 8, "home": 1, "packaging": 0.5},
        (
            _c("Dhaka", "Dacca|Dhaka City", "Dhaka Division", "Dhaka", "12##", "Mirpur|Uttara|Tejgaon"),
            _c("Gazipur", "Gazipur Sadar|Joydebpur", "Dhaka Division", "Dhaka", "17##", "Konabari|Kashimpur|Tongi"),
            _c("Narayanganj", "Narayangonj|N.Ganj", "Dhaka Division", "Dhaka", "14##", "Fatullah|Siddhirganj"),
            _c("Savar", "Ashulia|Savar Upazila", "Dhaka Division", "Dhaka", "13##", "Ashulia|Hemayetpur|DEPZ"),
            _c("Chattogram", "Chittagong|Ctg|Chottogram", "Chattogram Division", "Chittagong Division", "4###",
               "CEPZ|Kalurghat|Bayezid"),
        ),
        ("Dhaka-Mymensingh Highway", "Dhaka-Aricha Highway", "Tongi Industrial Road", "Baimail Road",
         "Port Connecting Road", "Sholashahar Road", "Zirani Bazar Road", "Bishia Kuribari Road"),
        "holding",
        ("Sonar Bangla", "Rahman", "Karim", "Padma", "Meghna", "Jamuna", "Rupali", "Shapla", "Dhaka Fashion",
         "Anwar", "Hossain", "Mondol", "Tasniah", "Sinha", "Rangdhanu", "Ekota", "Dipti", "Noor", "Mahin", "Tanzil"),
        {"apparel": ("Garments", "Apparels", "Knitwear", "Fashions", "Sweaters", "Denim", "Knit Composite",
                     "Textile Mills"),
         "home": ("Home Textiles", "Jute Mills"), "packaging": ("Accessories & Packaging",)},
        (("ltd", 0.82), ("pk_pvt", 0.1), ("", 0.08)),
    ),
    Country(
        "TR", 7.0, {"apparel": 5, "home": 3, "food": 1, "packaging": 0.5},
        (
            _c("İstanbul", "Istanbul|Ist.|Esenyurt", "İstanbul", "Istanbul|Marmara", "34###",
               "Esenyurt|Bağcılar|Güngören|Beylikdüzü"),
            _c("Bursa", "Bursa Merkez", "Bursa", "Marmara", "16###", "Nilüfer|Osmangazi|İnegöl"),
            _c("İzmir", "Izmir|Smyrna", "İzmir", "Izmir|Ege", "35###", "Torbalı|Kemalpaşa|Çiğli"),
            _c("Denizli", "Denizli Merkez", "Denizli", "Ege", "20###", "Merkezefendi|Pamukkale|Honaz"),
            _c("Gaziantep", "Antep|Gaziantep Merkez", "Gaziantep", "Güneydoğu Anadolu", "27###", "Şehitkamil|Şahinbey"),
            _c("Çorlu", "Corlu|Çorlu/Tekirdağ", "Tekirdağ", "Tekirdag|Marmara", "59###", "Velimeşe|Ergene"),
            _c("Kahramanmaraş", "Kahramanmaras|K.Maraş|Maraş", "Kahramanmaraş", "Kahramanmaras", "46###",
               "Onikişubat|Dulkadiroğlu"),
            _c("Uşak", "Usak", "Uşak", "Usak|Ege", "64###", "Merkez|Banaz"),
            _c("Adana", "Adana Merkez", "Adana", "Akdeniz", "01###", "Seyhan|Yüreğir|Sarıçam"),
        ),
        ("Atatürk Caddesi", "Cumhuriyet Caddesi", "Organize Sanayi Bölgesi 5. Cadde", "Sanayi Caddesi",
         "Fatih Sultan Mehmet Bulvarı", "Gazi Mustafa Kemal Bulvarı", "İnönü Caddesi", "Menderes Caddesi",
         "Organize Sanayi Bölgesi 2. Cadde", "Yıldırım Beyazıt Caddesi"),
        "street_no",
        ("Ege", "Akdeniz", "Marmara", "Uludağ", "Yıldız", "Özdemir", "Kaya", "Aydın", "Çelik", "Demir",
         "Şahin", "Yılmaz", "Erdem", "Güneş", "Altın", "Doğan", "Karadeniz", "Toros", "Başak", "Akın",
         "Ergün", "Tuna", "Kartal", "Ceylan"),
        {"apparel": ("Tekstil", "Konfeksiyon", "Örme", "Giyim", "Denim", "İplik"),
         "home": ("Ev Tekstili", "Havlu", "Mobilya", "Cam", "Porselen"),
         "food": ("Gıda", "Tarım Ürünleri", "Kuruyemiş"),
         "packaging": ("Ambalaj", "Plastik")},
        (("tr_as", 0.55), ("tr_ltd", 0.45)),
    ),
    Country(
        "ID", 4.0, {"apparel": 4, "food": 2, "home": 2, "packaging": 0.7, "beauty": 0.5},
        (
            _c("Jakarta", "DKI Jakarta|Jakarta Utara|Jakarta Timur", "DKI Jakarta", "Jakarta", "14###",
               "Cakung|Tanjung Priok|Pulogadung"),
            _c("Bandung", "Kabupaten Bandung|Bandung City", "Jawa Barat", "West Java|Jabar", "40###",
               "Majalaya|Rancaekek|Dayeuhkolot"),
            _c("Semarang", "Kota Semarang", "Jawa Tengah", "Central Java|Jateng", "50###", "Tugu|Ungaran|Genuk"),
            _c("Surabaya", "Kota Surabaya|Sby", "Jawa Timur", "East Java|Jatim", "60###", "Rungkut|Tandes"),
            _c("Tangerang", "Kabupaten Tangerang|Tangerang Selatan", "Banten", "Banten Province", "15###",
               "Cikupa|Jatiuwung|Balaraja"),
            _c("Bekasi", "Cikarang|Kabupaten Bekasi", "Jawa Barat", "West Java|Jabar", "17###",
               "Cikarang Barat|Cibitung|Jababeka"),
            _c("Bogor", "Kabupaten Bogor|Citeureup", "Jawa Barat", "West Java|Jabar", "16###", "Citeureup|Gunung Putri"),
            _c("Sukabumi", "Kabupaten Sukabumi|Cicurug", "Jawa Barat", "West Java|Jabar", "43###", "Cicurug|Cibadak"),
            _c("Boyolali", "Kabupaten Boyolali", "Jawa Tengah", "Central Java|Jateng", "57###", "Mojosongo|Banyudono"),
            _c("Batam", "Batam City|Pulau Batam", "Kepulauan Riau", "Riau Islands|Kepri", "29###", "Batu Ampar|Mukakuning"),
        ),
        ("Jl. Raya Bogor", "Jl. Raya Cikarang", "Jl. Industri Raya", "Jl. Jenderal Sudirman", "Jl. Raya Serang",
         "Jl. Gatot Subroto", "Jl. Raya Solo", "Jl. Diponegoro", "Jl. Rungkut Industri", "Jl. Pahlawan"),
        "street_no",
        ("Sinar Jaya Abadi", "Mitra Karya", "Sumber Makmur", "Cahaya Baru", "Bintang Timur", "Maju Bersama",
         "Indah Permai", "Tunas Harapan", "Eka Prima", "Surya Kencana", "Mulia Sejahtera", "Anugerah",
         "Bumi Lestari", "Kencana Mas", "Putra Mandiri", "Mega Jaya", "Sentosa", "Budi Luhur"),
        {"apparel": ("Garment", "Tekstil", "Textile", "Apparel Industries", "Knitting"),
         "food": ("Foods", "Pangan", "Food Industries", "Cocoa"),
         "home": ("Furniture", "Mebel", "Rattan", "Home Decor"),
         "packaging": ("Plastik", "Packaging", "Kemasan"),
         "beauty": ("Kosmetik", "Cosmetics")},
        (("id_pt", 1.0),),
        is_brand_first=True,
    ),
    Country(
        "PK", 3.0, {"apparel": 6, "home": 2, "packaging": 0.3},
        (
            _c("Karachi", "Karachi City|KHI", "Sindh", "Sind", "7####", "S.I.T.E.|Korangi|Landhi|North Karachi"),
            _c("Lahore", "Lahore City|LHR", "Punjab", "Panjab", "54###", "Kot Lakhpat|Sundar Industrial Estate"),
            _c("Faisalabad", "Lyallpur|Faisalabad City|FSD", "Punjab", "Panjab", "38###", "Sargodha Road|Jhang Road"),
            _c("Sialkot", "Sialkot City|SKT", "Punjab", "Panjab", "51###", "Small Industrial Estate|Ugoki"),
            _c("Multan", "Multan City", "Punjab", "Panjab", "60###", "Industrial Estate|Vehari Road"),
        ),
        ("Main Korangi Road", "Sheikhupura Road", "Sargodha Road", "Daska Road", "Manghopir Road",
         "Ferozepur Road", "Shahrah-e-Faisal", "Canal Road"),
        "plot_first",
        ("Al-Karim", "Sitara", "Kohinoor", "Crescent Star", "Faisal", "Masood", "Siddiqui", "Indus", "Ravi",
         "Chenab", "Mehran", "Zahid", "Noor", "Hilal", "Shahzad", "Al-Madina"),
        {"apparel": ("Textile Mills", "Apparel", "Knitwear", "Sports Industries", "Leather Garments", "Denim"),
         "home": ("Towels", "Home Textiles", "Bed Linen"), "packaging": ("Packages",)},
        (("pk_pvt", 0.8), ("ltd", 0.2)),
    ),
    Country(
        "KH", 2.0, {"apparel": 9, "home": 0.5},
        (
            _c("Phnom Penh", "Phnom Penh City|PP|Phnompenh", "Phnom Penh", "Phnom Penh Capital", "12###",
               "Khan Por Sen Chey|Khan Dangkao|Khan Mean Chey", "", "", ""),
            _c("Ta Khmao", "Takhmao|Kandal", "Kandal", "Kandal Province", "08###", "Ta Khmao|Ang Snuol"),
            _c("Kampong Speu", "Kg. Speu|Kampong Spoe", "Kampong Speu", "Kampong Speu Province", "05###",
               "Samraong Tong|Chbar Mon"),
            _c("Bavet", "Bavet City|Svay Rieng", "Svay Rieng", "Svay Rieng Province", "20###", "Manhattan SEZ|Tai Seng SEZ"),
        ),
        ("National Road No. 4", "Veng Sreng Blvd", "Street 217", "National Road No. 1", "Street 598", "Street 2004"),
        "no_first",
        ("Angkor", "Sovann", "Bayon", "Apsara", "Tonle", "Lucky Star", "Grand Ocean", "New Century", "Hong Fa",
         "Yu Tai", "Sun Rise", "Kingsland"),
        {"apparel": ("Garment", "Knitting", "Footwear", "Bags", "Apparel"), "home": ("Handicraft",)},
        (("co_ltd", 1.0),),
    ),
    Country(
        "LK", 2.0, {"apparel": 6, "food": 1.5, "home": 1},
        (
            _c("Colombo", "Colombo 15|Kolamba", "Western Province", "Western|WP", "00###", "Mattakkuliya|Grandpass"),
            _c("Katunayake", "Katunayaka|Seeduwa", "Western Province", "Western|WP", "11###", "Katunayake EPZ|Seeduwa"),
            _c("Biyagama", "Biyagama EPZ", "Western Province", "Western|WP", "11###", "Biyagama EPZ|Kelaniya"),
            _c("Koggala", "Koggala EPZ|Habaraduwa", "Southern Province", "Southern|SP", "80###", "Koggala EPZ"),
            _c("Kandy", "Mahanuwara|Kandy City", "Central Province", "Central|CP", "20###", "Pallekele|Digana"),
            _c("Horana", "Horana Town", "Western Province", "Western|WP", "12###", "Horana BOI Zone"),
        ),
        ("Negombo Road", "Galle Road", "Kandy Road", "Baseline Road", "Temple Road", "Canal Road"),
        "no_first",
        ("Lanka", "Ceylon", "Serendib", "Ruhuna", "Jinadasa", "Perera", "Wickrama", "Tropical", "Island",
         "Lotus", "Sigiri", "Mahaweli"),
        {"apparel": ("Apparel", "Garments", "Intimates", "Knit Fabrics"), "food": ("Tea", "Spices", "Coconut Products"),
         "home": ("Rubber Products", "Coir Products")},
        (("pk_pvt", 0.85), ("ltd", 0.15)),
    ),
    Country(
        "MX", 4.0, {"food": 4, "apparel": 3, "home": 1, "beauty": 0.5, "packaging": 1},
        (
            _c("Guadalajara", "GDL|Zapopan", "Jalisco", "Jal.|JAL", "44###", "Zona Industrial|El Salto"),
            _c("Monterrey", "MTY|San Nicolás de los Garza|Apodaca", "Nuevo León", "Nuevo Leon|N.L.|NL", "64###",
               "Parque Industrial Apodaca|Santa Catarina"),
            _c("León", "Leon|León de los Aldama", "Guanajuato", "Gto.|GTO", "37###", "Parque Industrial Fipasi|San Francisco del Rincón"),
            _c("Puebla", "Puebla de Zaragoza|Heroica Puebla", "Puebla", "Pue.|PUE", "72###", "Parque Industrial 5 de Mayo|Cuautlancingo"),
            _c("Tehuacán", "Tehuacan", "Puebla", "Pue.|PUE", "75###", "San Lorenzo Teotipilco|Santa María Coapan"),
            _c("Ciudad de México", "CDMX|Mexico City|México D.F.|Mexico DF", "Ciudad de México", "CDMX|D.F.", "0####",
               "Iztapalapa|Azcapotzalco|Vallejo"),
            _c("Querétaro", "Queretaro|Santiago de Querétaro", "Querétaro", "Qro.|Queretaro", "76###",
               "Parque Industrial Querétaro|El Marqués"),
            _c("Ciudad Juárez", "Cd. Juárez|Juarez|Ciudad Juarez", "Chihuahua", "Chih.|CHIH", "32###", "Parque Industrial Antonio J. Bermúdez"),
        ),
        ("Av. Industrias", "Calle Norte 45", "Av. Vallarta", "Blvd. Manuel Ávila Camacho", "Calle Río Bravo",
         "Av. de las Américas", "Carretera Federal 57", "Av. Tecnológico"),
        "street_num",
        ("del Norte", "del Bajío", "de Occidente", "San Miguel", "La Esperanza", "El Sol", "Santa Rosa",
         "Don Luis", "Azteca", "de Puebla", "Los Altos", "Río Bravo", "La Paz", "San Judas", "Tres Hermanos"),
        {"apparel": ("Textiles", "Confecciones", "Maquiladora", "Hilados", "Calzado", "Jeans"),
         "food": ("Alimentos", "Conservas", "Productos Alimenticios", "Dulces", "Agroindustrias", "Empacadora"),
         "home": ("Muebles", "Cerámica", "Vidrios"), "beauty": ("Cosméticos", "Laboratorios"),
         "packaging": ("Empaques", "Envases", "Cartones")},
        (("mx", 1.0),),
        is_brand_first=False,
    ),
    Country(
        "BR", 3.0, {"food": 4, "apparel": 2, "home": 1, "beauty": 1, "packaging": 0.5},
        (
            _c("São Paulo", "Sao Paulo|S. Paulo|SP|Sampa", "SP", "São Paulo|Sao Paulo", "0####-###",
               "Mooca|Brás|Vila Maria"),
            _c("Caxias do Sul", "Caxias|Caxias do Sul RS", "RS", "Rio Grande do Sul", "950##-###", "Distrito Industrial"),
            _c("Blumenau", "Blumenau SC", "SC", "Santa Catarina", "890##-###", "Itoupava Central|Garcia"),
            _c("Franca", "Franca SP", "SP", "São Paulo|Sao Paulo", "144##-###", "Distrito Industrial|Jardim Aeroporto"),
            _c("Novo Hamburgo", "N. Hamburgo|Novo Hamburgo RS", "RS", "Rio Grande do Sul", "933##-###", "Canudos|Hamburgo Velho"),
            _c("Fortaleza", "Fortaleza CE", "CE", "Ceará|Ceara", "60###-###", "Maracanaú|Messejana"),
            _c("Curitiba", "Curitiba PR|CWB", "PR", "Paraná|Parana", "81###-###", "CIC|São José dos Pinhais"),
            _c("Jaraguá do Sul", "Jaragua do Sul", "SC", "Santa Catarina", "892##-###", "Vila Lalau|Nereu Ramos"),
        ),
        ("Rua das Indústrias", "Avenida Brasil", "Rua XV de Novembro", "Rodovia BR-116", "Avenida dos Imigrantes",
         "Rua Sete de Setembro", "Estrada Municipal", "Avenida Independência"),
        "street_comma_num",
        ("Serra Verde", "Santa Clara", "São Jorge", "Vale do Sul", "Boa Vista", "Nova Esperança", "Paulista",
         "Gaúcha", "Catarinense", "Três Irmãos", "Primavera", "Ouro Branco", "Bom Jesus", "Estrela"),
        {"apparel": ("Confecções", "Têxtil", "Calçados", "Malharia"),
         "food": ("Alimentos", "Frigorífico", "Laticínios", "Doces", "Sucos"),
         "home": ("Móveis", "Cerâmica", "Utilidades Domésticas"), "beauty": ("Cosméticos", "Perfumaria"),
         "packaging": ("Embalagens",)},
        (("br_ltda", 0.7), ("sa", 0.2), ("", 0.1)),
        is_brand_first=False,
    ),
    Country(
        "ES", 3.0, {"food": 5, "apparel": 1.5, "home": 1.5, "beauty": 0.5, "packaging": 1},
        (
            _c("Valencia", "València|Valencia City", "Comunidad Valenciana", "C. Valenciana|Comunitat Valenciana", "46###",
               "Paterna|Quart de Poblet|Ribarroja"),
            _c("Alicante", "Alacant", "Comunidad Valenciana", "C. Valenciana|Comunitat Valenciana", "03###", "San Vicente|Ibi"),
            _c("Elche", "Elx", "Comunidad Valenciana", "C. Valenciana", "03###", "Torrellano|Elche Parque Empresarial"),
            _c("A Coruña", "La Coruña|Coruña|A Coruna", "Galicia", "Galiza", "15###", "Arteixo|Sabón"),
            _c("Vigo", "Vigo (Pontevedra)", "Galicia", "Galiza", "36###", "Zona Franca|Balaídos"),
            _c("Murcia", "Murcia Capital", "Región de Murcia", "Murcia|Region de Murcia", "30###", "Alcantarilla|Espinardo"),
            _c("Zaragoza", "Saragossa", "Aragón", "Aragon", "50###", "Plaza|Malpica"),
            _c("Sevilla", "Seville", "Andalucía", "Andalucia|Andalusia", "41###", "Dos Hermanas|La Rinconada"),
            _c("Logroño", "Logrono", "La Rioja", "Rioja", "26###", "Cantabria|Lardero"),
            _c("Jaén", "Jaen", "Andalucía", "Andalucia|Andalusia", "23###", "Martos|Los Olivares"),
        ),
        ("Calle Mayor", "Polígono Industrial Las Atalayas", "Avenida de la Industria", "Calle del Comercio",
         "Carretera de Madrid", "Polígono Industrial El Oliveral", "Camino Real", "Calle de la Constitución"),
        "street_comma_num",
        ("del Cantábrico", "del Sur", "Levante", "Hermanos García", "Martínez", "La Rioja", "San Isidro",
         "Mediterráneo", "Gallegas", "Ibéricos", "El Olivar", "Peña", "Santa Cruz", "Hermanos López"),
        {"food": ("Conservas", "Embutidos", "Aceites", "Frutas", "Panificadora", "Quesos", "Zumos"),
         "apparel": ("Confecciones", "Textil", "Calzados", "Tejidos"),
         "home": ("Cerámica", "Muebles", "Vidrios"), "beauty": ("Cosmética",),
         "packaging": ("Envases", "Cartonajes", "Embalajes")},
        (("es_sl", 0.7), ("sa", 0.3)),
        is_brand_first=False,
    ),
    Country(
        "PT", 2.0, {"apparel": 4, "home": 2, "food": 1, "packaging": 0.5},
        (
            _c("Guimarães", "Guimaraes", "Braga", "Distrito de Braga|Norte", "48##-###", "Ronfe|Pevidém|Caldas das Taipas"),
            _c("Braga", "Braga Cidade", "Braga", "Distrito de Braga|Norte", "47##-###", "Celeirós|Ferreiros"),
            _c("Porto", "Oporto", "Porto", "Distrito do Porto|Norte", "4###-###", "Ramalde|Matosinhos"),
            _c("Barcelos", "Barcelos Braga", "Braga", "Distrito de Braga|Norte", "47##-###", "Arcozelo|Vila Frescainha"),
            _c("Vila Nova de Famalicão", "V.N. Famalicão|Famalicão|Vila Nova de Famalicao", "Braga", "Distrito de Braga|Norte",
               "47##-###", "Ribeirão|Lousado"),
            _c("Felgueiras", "Felgueiras Porto", "Porto", "Distrito do Porto|Norte", "46##-###", "Margaride|Lixa"),
        ),
        ("Rua da Indústria", "Avenida da Liberdade", "Rua do Comércio", "Zona Industrial de Ronfe", "Rua Nova",
         "Estrada Nacional 105", "Rua de São Tiago"),
        "street_comma_num",
        ("do Minho", "do Ave", "Vale do Sousa", "Ribeiro & Filhos", "Silva & Irmãos", "Lusitana", "Atlântico",
         "Barcelense", "Norte", "Costa & Costa", "São Bento"),
        {"apparel": ("Confecções", "Têxteis", "Malhas", "Calçado"),
         "home": ("Cerâmicas", "Cutelarias", "Têxteis-Lar"), "food": ("Conservas", "Azeites"),
         "packaging": ("Embalagens",)},
        (("pt_lda", 0.8), ("sa", 0.2)),
        is_brand_first=False,
    ),
    Country(
        "IT", 3.0, {"apparel": 4, "food": 2, "home": 1.5, "beauty": 1, "packaging": 0.5},
        (
            _c("Prato", "Prato (PO)", "Toscana", "Tuscany|PO", "59100", "Macrolotto|Iolo"),
            _c("Biella", "Biella (BI)", "Piemonte", "Piedmont|BI", "13900", "Cossato|Valle Mosso"),
            _c("Como", "Como (CO)", "Lombardia", "Lombardy|CO", "22100", "Cantù|Grandate"),
            _c("Carpi", "Carpi (MO)", "Emilia-Romagna", "Emilia Romagna|MO", "41012", "Fossoli|Zona Industriale"),
            _c("Treviso", "Treviso (TV)", "Veneto", "TV", "31100", "Villorba|Paese"),
            _c("Napoli", "Naples|Napoli (NA)", "Campania", "NA", "801##", "Casoria|Nola"),
            _c("Parma", "Parma (PR)", "Emilia-Romagna", "Emilia Romagna|PR", "43122", "Fontanellato|Collecchio"),
            _c("Bergamo", "Bergamo (BG)", "Lombardia", "Lombardy|BG", "24###", "Dalmine|Seriate"),
        ),
        ("Via Roma", "Via dell'Industria", "Via Giuseppe Garibaldi", "Via Emilia", "Via dell'Artigianato",
         "Viale Europa", "Via Alessandro Volta"),
        "street_comma_num",
        ("Rossi", "Bianchi", "Lombardo", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
         "Gallo", "Conti", "De Luca", "Mancini", "Toscano", "Valsesia", "Biellese", "Pratese", "del Chianti"),
        {"apparel": ("Maglificio", "Lanificio", "Calzaturificio", "Confezioni", "Tessitura"),
         "food": ("Pastificio", "Oleificio", "Caseificio", "Conserve"),
         "home": ("Ceramiche", "Vetreria", "Mobilificio"), "beauty": ("Cosmetici", "Laboratorio"),
         "packaging": ("Cartotecnica", "Imballaggi")},
        (("it_srl", 0.7), ("it_spa", 0.2), ("", 0.1)),
        is_brand_first=False,
    ),
    Country(
        "PL", 2.0, {"home": 3, "food": 2, "apparel": 1, "packaging": 1},
        (
            _c("Łódź", "Lodz|Lodsch", "łódzkie", "Lodzkie|Łódź Voivodeship", "9#-###", "Widzew|Bałuty"),
            _c("Poznań", "Poznan|Posen", "wielkopolskie", "Wielkopolskie|Greater Poland", "6#-###", "Swarzędz|Komorniki"),
            _c("Wrocław", "Wroclaw|Breslau", "dolnośląskie", "Dolnoslaskie|Lower Silesia", "5#-###", "Bielany Wrocławskie|Psie Pole"),
            _c("Kraków", "Krakow|Cracow", "małopolskie", "Malopolskie|Lesser Poland", "3#-###", "Nowa Huta|Skawina"),
            _c("Warszawa", "Warsaw|Warschau", "mazowieckie", "Mazowieckie|Masovia", "0#-###", "Ursus|Białołęka"),
            _c("Bydgoszcz", "Bromberg", "kujawsko-pomorskie", "Kujawsko-Pomorskie", "85-###", "Fordon"),
        ),
        ("ul. Przemysłowa", "ul. Fabryczna", "ul. Poznańska", "ul. Kolejowa", "ul. Składowa", "ul. Jana Pawła II"),
        "street_num",
        ("Polskie", "Mazowsze", "Kowalski", "Nowak", "Bałtyk", "Warta", "Sudety", "Podlasie", "Wisła", "Tatry"),
        {"home": ("Meble", "Fabryka Mebli", "Szkło", "Ceramika"),
         "food": ("Zakłady Mięsne", "Mleczarnia", "Przetwórnia Owoców", "Cukiernia"),
         "apparel": ("Zakłady Odzieżowe", "Dzianiny"), "packaging": ("Opakowania",)},
        (("pl", 0.85), ("sa", 0.15)),
        is_brand_first=False,
    ),
    Country(
        "MA", 2.0, {"apparel": 4, "food": 2, "home": 1},
        (
            _c("Casablanca", "Casa|Dar el Beida|Ad-Dar al-Bayda", "Casablanca-Settat", "Grand Casablanca", "20###",
               "Sidi Bernoussi|Ain Sebaa|Lissasfa"),
            _c("Tanger", "Tangier|Tanja|Tangiers", "Tanger-Tétouan-Al Hoceïma", "Tanger-Tetouan-Al Hoceima|Tanger-Tetouan",
               "90###", "Zone Franche Tanger|Gzenaya|Mghogha"),
            _c("Fès", "Fez|Fes", "Fès-Meknès", "Fes-Meknes", "30###", "Bensouda|Ain Chkef"),
            _c("Marrakech", "Marrakesh|Marrakech-Ville", "Marrakech-Safi", "Marrakesh-Safi", "40###", "Sidi Ghanem"),
            _c("Agadir", "Agadir Ida Ou Tanane", "Souss-Massa", "Sous-Massa", "80###", "Ait Melloul|Tassila"),
        ),
        ("Zone Industrielle Moghogha", "Quartier Industriel Sidi Bernoussi", "Route de Rabat", "Boulevard Mohammed V",
         "Zone Industrielle Sidi Ghanem", "Route de Tétouan"),
        "street_lot",
        ("Atlas", "du Nord", "Maghreb", "Tanger Med", "Rif", "Sebou", "Al Amal", "Ennour", "Souss", "Oasis", "Zitouna"),
        {"apparel": ("Confection", "Textile", "Bonneterie", "Jeans"), "food": ("Conserverie", "Agrumes", "Huilerie"),
         "home": ("Tapis", "Poterie")},
        (("sarl", 0.75), ("sa", 0.25)),
        is_brand_first=False,
    ),
    Country(
        "GB", 3.0, {"food": 5, "packaging": 2, "home": 1, "beauty": 1, "apparel": 0.5},
        (
            _c("Leicester", "Leicester City", "Leicestershire", "Leics|East Midlands", "LE4 #@@", "Thurmaston|Belgrave"),
            _c("Manchester", "Trafford Park|Salford", "Greater Manchester", "Gtr Manchester", "M17 #@@", "Trafford Park"),
            _c("Birmingham", "B'ham|Brum", "West Midlands", "W. Midlands", "B6 #@@", "Aston|Tyseley"),
            _c("Bradford", "Bradford BD", "West Yorkshire", "W. Yorks|W Yorkshire", "BD4 #@@", "Bowling Back Lane"),
            _c("Peterborough", "P'boro", "Cambridgeshire", "Cambs", "PE2 #@@", "Orton Southgate|Woodston"),
            _c("Spalding", "Spalding Lincs", "Lincolnshire", "Lincs", "PE11 #@@", "Wardentree Park"),
            _c("Hull", "Kingston upon Hull|Kingston-upon-Hull", "East Riding of Yorkshire", "E. Yorkshire|East Yorkshire",
               "HU7 #@@", "Sutton Fields"),
            _c("Glasgow", "Glasgow City", "Lanarkshire", "Scotland", "G33 #@@", "Queenslie|Hillington"),
            _c("Nottingham", "Nottm", "Nottinghamshire", "Notts", "NG7 #@@", "Lenton|Colwick"),
        ),
        ("Mill Lane", "Station Road", "Riverside Industrial Estate", "Bridge Street", "Harbour Road", "Canal Street",
         "Enterprise Way", "Orchard Road"),
        "unit_first",
        ("Ashworth", "Pennine", "Brookside", "Riverside", "Millbrook", "Harrow", "Westfield", "Kingsway",
         "Oakwood", "Thornbury", "Dales", "Severn Valley", "Fenland", "Cotswold", "Highland", "Wolds"),
        {"food": ("Bakery", "Foods", "Dairies", "Fresh Produce", "Meats", "Confectionery"),
         "packaging": ("Packaging", "Print & Packaging", "Cartons"), "home": ("Candles", "Homeware"),
         "beauty": ("Cosmetics", "Laboratories"), "apparel": ("Knitwear",)},
        (("ltd", 0.85), ("plc", 0.05), ("", 0.1)),
    ),
    Country(
        "US", 3.0, {"packaging": 2, "food": 3, "beauty": 2, "home": 1.5, "apparel": 0.5},
        (
            _c("Charlotte", "Charlotte NC", "NC", "North Carolina|N.C.", "282##", "Mecklenburg"),
            _c("Greensboro", "Greensboro NC", "NC", "North Carolina|N.C.", "274##", "Guilford"),
            _c("Dalton", "Dalton GA", "GA", "Georgia|Ga.", "307##", "Whitfield"),
            _c("Chicago", "Chicago IL|Chi-town", "IL", "Illinois|Ill.", "606##", "Bedford Park|Elk Grove Village"),
            _c("Fresno", "Fresno CA", "CA", "California|Calif.", "937##", "Central Valley"),
            _c("Los Angeles", "LA|L.A.|Vernon", "CA", "California|Calif.", "900##", "Vernon|Commerce"),
            _c("Dallas", "Dallas TX", "TX", "Texas|Tex.", "752##", "Garland"),
            _c("Memphis", "Memphis TN", "TN", "Tennessee|Tenn.", "381##", "Shelby"),
            _c("Columbus", "Columbus OH", "OH", "Ohio", "432##", "Obetz|Groveport"),
            _c("Allentown", "Allentown PA", "PA", "Pennsylvania|Penn.", "181##", "Lehigh Valley"),
        ),
        ("Industrial Blvd", "Commerce Drive", "Enterprise Parkway", "Main Street", "Distribution Way",
         "Industrial Park Road", "Corporate Drive", "Manufacturers Road"),
        "num_first",
        ("Blue Ridge", "Lakeshore", "Prairie", "Summit", "Cascade", "Heartland", "Bayou", "Redwood", "Liberty",
         "Pinnacle", "Great Lakes", "Appalachian", "Sierra", "Keystone", "Lone Star", "Magnolia"),
        {"packaging": ("Packaging", "Container", "Corrugated", "Plastics"),
         "food": ("Foods", "Bakeries", "Farms", "Snacks", "Orchards"),
         "beauty": ("Laboratories", "Cosmetics", "Personal Care"),
         "home": ("Candle Company", "Home Products", "Housewares"), "apparel": ("Knitting Mills",)},
        (("inc", 0.5), ("llc", 0.35), ("corp", 0.15)),
    ),
    Country(
        "DE", 2.0, {"packaging": 2, "home": 2, "food": 2, "beauty": 1, "apparel": 0.5},
        (
            _c("München", "Munich|Muenchen|Munchen", "Bayern", "Bavaria|BY", "8####", "Garching|Unterschleißheim"),
            _c("Köln", "Cologne|Koeln|Koln", "Nordrhein-Westfalen", "NRW|North Rhine-Westphalia", "5####", "Porz|Niehl"),
            _c("Nürnberg", "Nuremberg|Nuernberg|Nurnberg", "Bayern", "Bavaria|BY", "90###", "Fürth|Langwasser"),
            _c("Bielefeld", "Bielefeld-Brackwede", "Nordrhein-Westfalen", "NRW|North Rhine-Westphalia", "33###", "Brackwede|Sennestadt"),
            _c("Stuttgart", "Stuttgart-Feuerbach", "Baden-Württemberg", "Baden-Wuerttemberg|BW", "70###", "Feuerbach|Zuffenhausen"),
            _c("Dresden", "Dresden-Klotzsche", "Sachsen", "Saxony|SN", "01###", "Klotzsche|Radeberg"),
            _c("Hannover", "Hanover|Hannover-Laatzen", "Niedersachsen", "Lower Saxony|NI", "30###", "Laatzen|Langenhagen"),
        ),
        ("Industriestraße", "Hauptstraße", "Gewerbestraße", "Am Hafen", "Bahnhofstraße", "Siemensstraße",
         "Carl-Benz-Straße", "Im Gewerbegebiet"),
        "street_num",
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer",
         "Richter", "Klein", "Wolf", "Neumann", "Zimmermann", "Krüger", "Hartmann", "Lange"),
        {"packaging": ("Verpackungen", "Kartonagen", "Druck & Verpackung"),
         "home": ("Haushaltswaren", "Glaswerk", "Porzellanmanufaktur", "Möbelwerke"),
         "food": ("Backwaren", "Feinkost", "Molkerei", "Fleischwaren", "Süßwaren"),
         "beauty": ("Kosmetik", "Naturkosmetik"), "apparel": ("Strickwaren",)},
        (("gmbh", 0.75), ("gmbh_kg", 0.15), ("ag", 0.1)),
    ),
    Country(
        "FR", 2.0, {"beauty": 3, "food": 3, "packaging": 1, "home": 1, "apparel": 0.5},
        (
            _c("Lyon", "Lyon 7e|Villeurbanne", "Auvergne-Rhône-Alpes", "Auvergne-Rhone-Alpes|ARA", "69###", "Vénissieux|Corbas"),
            _c("Rennes", "Rennes Métropole", "Bretagne", "Brittany", "35###", "Chantepie|Cesson-Sévigné"),
            _c("Grasse", "Grasse (06)", "Provence-Alpes-Côte d'Azur", "PACA|Provence-Alpes-Cote d'Azur", "06130", "Plan de Grasse"),
            _c("Orléans", "Orleans", "Centre-Val de Loire", "Centre Val de Loire", "45###", "Saran|Ingré"),
            _c("Bordeaux", "Bordeaux Lac|Mérignac", "Nouvelle-Aquitaine", "Nouvelle Aquitaine", "33###", "Mérignac|Blanquefort"),
            _c("Lille", "Lille Métropole|Roubaix", "Hauts-de-France", "Hauts de France", "59###", "Roubaix|Seclin"),
            _c("Troyes", "Troyes (10)", "Grand Est", "Grand-Est", "10###", "Saint-Julien-les-Villas"),
            _c("Caen", "Caen (14)", "Normandie", "Normandy", "14###", "Mondeville|Carpiquet"),
        ),
        ("rue de l'Industrie", "avenue de la République", "rue des Artisans", "ZI des Chênes", "route de Paris",
         "boulevard de l'Europe", "chemin des Prés", "rue Pasteur"),
        "num_first",
        ("de Bretagne", "du Sud-Ouest", "Normande", "des Alpes", "Dubois", "Lefèvre", "Martin", "Provençale",
         "de l'Atlantique", "du Val de Loire", "Saint-Michel", "Arnaud", "Fontaine", "Beaulieu"),
        {"beauty": ("Laboratoires", "Cosmétiques", "Parfums"),
         "food": ("Biscuiterie", "Fromagerie", "Conserverie", "Chocolaterie"),
         "packaging": ("Emballages", "Cartonnages", "Verrerie"), "home": ("Faïencerie", "Bougies"),
         "apparel": ("Bonneterie",)},
        (("sas", 0.5), ("sarl", 0.3), ("sa", 0.2)),
        is_brand_first=False,
    ),
    Country(
        "EG", 1.0, {"apparel": 4, "home": 2, "food": 1},
        (
            _c("Cairo", "Al Qahirah|El Cairo|Cairo City", "Cairo Governorate", "Cairo", "11###", "Shubra El Kheima|Nasr City"),
            _c("10th of Ramadan City", "Tenth of Ramadan|10th of Ramadan|Al Asher Men Ramadan", "Sharqia",
               "Al Sharqia|El Sharkia", "44###", "Industrial Zone A1|Industrial Zone B3"),
            _c("Alexandria", "Alex|Al Iskandariyah|Alexandrie", "Alexandria Governorate", "Alexandria", "21###",
               "Borg El Arab|Amreya"),
            _c("El Mahalla El Kubra", "Mahalla|Al Mahallah al Kubra", "Gharbia", "Al Gharbiyah", "31###", "Industrial Zone"),
            _c("Sadat City", "El Sadat City|Madinat as Sadat", "Menoufia", "Monufia", "32###", "Industrial Zone 5"),
        ),
        ("Industrial Zone Road", "El Horreya Road", "Cairo-Alexandria Desert Road", "Port Said Street", "El Tahrir Street"),
        "plot_first",
        ("Delta", "Nile", "El Nasr", "Pharaoh", "Sphinx", "Giza", "Al Ahram", "El Salam", "Suez", "Sinai", "Lotus Valley"),
        {"apparel": ("Spinning & Weaving", "Garments", "Textile", "Cotton"), "home": ("Home Textiles", "Carpets", "Glass"),
         "food": ("Food Industries", "Dates")},
        (("sae", 0.6), ("llc", 0.4)),
    ),
    Country(
        "KE", 1.0, {"food": 5, "apparel": 1.5, "packaging": 0.5},
        (
            _c("Nairobi", "Nairobi City|NBO", "Nairobi County", "Nairobi", "00###", "Industrial Area|Embakasi"),
            _c("Naivasha", "Naivasha Town", "Nakuru County", "Nakuru", "20117", "Moi South Lake Road|Kongoni"),
            _c("Thika", "Thika Town", "Kiambu County", "Kiambu", "01000", "Makongeni|Kiganjo"),
            _c("Mombasa", "Mombasa Island|MSA", "Mombasa County", "Mombasa", "80100", "Changamwe|Shimanzi"),
            _c("Athi River", "Mavoko", "Machakos County", "Machakos", "00204", "EPZ|Kitengela"),
            _c("Kericho", "Kericho Town", "Kericho County", "Kericho", "20200", "Kapsoit"),
        ),
        ("Enterprise Road", "Mombasa Road", "Moi South Lake Road", "Thika Road", "Baba Dogo Road", "Kenyatta Avenue"),
        "plot_first",
        ("Rift Valley", "Lake Naivasha", "Savannah", "Kiambu", "Simba", "Twiga", "Baraka", "Jambo", "Equator",
         "Highlands", "Tana"),
        {"food": ("Flowers", "Tea Factory", "Fresh Produce", "Coffee Mills", "Horticulture", "Avocado Packers"),
         "apparel": ("Apparel EPZ", "Garments"), "packaging": ("Packaging",)},
        (("ltd", 1.0),),
    ),
    Country(
        "ZA", 1.0, {"food": 5, "packaging": 1, "home": 0.5, "beauty": 0.5, "apparel": 0.5},
        (
            _c("Cape Town", "Kaapstad|Cape Town CBD|Epping", "Western Cape", "WC|W. Cape", "7###", "Epping|Montague Gardens"),
            _c("Paarl", "Paarl WC", "Western Cape", "WC|W. Cape", "7646", "Dal Josafat"),
            _c("Durban", "eThekwini|Durban KZN", "KwaZulu-Natal", "KZN|Kwazulu Natal", "4###", "Pinetown|Jacobs"),
            _c("Johannesburg", "Joburg|Jo'burg|Jhb", "Gauteng", "GP", "2###", "Germiston|Midrand"),
            _c("Gqeberha", "Port Elizabeth|PE", "Eastern Cape", "EC", "60##", "Markman|Struandale"),
            _c("Stellenbosch", "Stellies", "Western Cape", "WC|W. Cape", "7600", "Kayamandi"),
        ),
        ("Main Road", "Voortrekker Road", "Industrial Road", "Old Paarl Road", "Jan Smuts Avenue", "Quarry Road"),
        "num_first",
        ("Cape", "Boland", "Karoo", "Highveld", "Drakensberg", "Protea", "Table Mountain", "Limpopo", "Umhlanga", "Kwena"),
        {"food": ("Fruit Packers", "Foods", "Citrus", "Dairy", "Bakeries"), "packaging": ("Packaging", "Paper"),
         "home": ("Textiles",), "beauty": ("Cosmetics",), "apparel": ("Clothing",)},
        (("za_pty", 0.8), ("ltd", 0.2)),
    ),
)

SPECIAL_COUNTRY_WEIGHTS: dict[str, float] = {"CN": 26.0, "VN": 7.0, "TH": 4.0}
SPECIAL_COUNTRY_SECTORS: dict[str, dict[str, float]] = {
    "CN": {"apparel": 4, "home": 2.5, "toys": 1.5, "packaging": 1, "beauty": 0.7, "food": 0.8},
    "VN": {"apparel": 5, "home": 2, "food": 1.5, "packaging": 0.5, "beauty": 0.2},
    "TH": {"food": 4, "beauty": 2, "packaging": 1, "apparel": 1, "home": 1},
}


# --- Country names as members write them -----------------------------------------------------

COUNTRY_NAMES: dict[str, dict[str, str]] = {
    #       en, es, fr, de, pt, it, tr, zh, vi, th, id
    code: dict(zip(("en", "es", "fr", "de", "pt", "it", "tr", "zh", "vi", "th", "id"), names.split("|")))
    for code, names in {
        "CN": "China|China|Chine|China|China|Cina|Çin|中国|Trung Quốc|จีน|Tiongkok",
        "IN": "India|India|Inde|Indien|Índia|India|Hindistan|印度|Ấn Độ|อินเดีย|India",
        "BD": "Bangladesh|Bangladés|Bangladesh|Bangladesch|Bangladesh|Bangladesh|Bangladeş|孟加拉国|Bangladesh|บังกลาเทศ|Bangladesh",
        "VN": "Vietnam|Vietnam|Viêt Nam|Vietnam|Vietnã|Vietnam|Vietnam|越南|Việt Nam|เวียดนาม|Vietnam",
        "TR": "Turkey|Turquía|Turquie|Türkei|Turquia|Turchia|Türkiye|土耳其|Thổ Nhĩ Kỳ|ตุรกี|Turki",
        "TH": "Thailand|Tailandia|Thaïlande|Thailand|Tailândia|Thailandia|Tayland|泰国|Thái Lan|ไทย|Thailand",
        "ID": "Indonesia|Indonesia|Indonésie|Indonesien|Indonésia|Indonesia|Endonezya|印度尼西亚|Indonesia|อินโดนีเซีย|Indonesia",
        "PK": "Pakistan|Pakistán|Pakistan|Pakistan|Paquistão|Pakistan|Pakistan|巴基斯坦|Pakistan|ปากีสถาน|Pakistan",
        "KH": "Cambodia|Camboya|Cambodge|Kambodscha|Camboja|Cambogia|Kamboçya|柬埔寨|Campuchia|กัมพูชา|Kamboja",
        "LK": "Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|斯里兰卡|Sri Lanka|ศรีลังกา|Sri Lanka",
        "MX": "Mexico|México|Mexique|Mexiko|México|Messico|Meksika|墨西哥|Mexico|เม็กซิโก|Meksiko",
        "BR": "Brazil|Brasil|Brésil|Brasilien|Brasil|Brasile|Brezilya|巴西|Brazil|บราซิล|Brasil",
        "ES": "Spain|España|Espagne|Spanien|Espanha|Spagna|İspanya|西班牙|Tây Ban Nha|สเปน|Spanyol",
        "PT": "Portugal|Portugal|Portugal|Portugal|Portugal|Portogallo|Portekiz|葡萄牙|Bồ Đào Nha|โปรตุเกส|Portugal",
        "IT": "Italy|Italia|Italie|Italien|Itália|Italia|İtalya|意大利|Ý|อิตาลี|Italia",
        "PL": "Poland|Polonia|Pologne|Polen|Polônia|Polonia|Polonya|波兰|Ba Lan|โปแลนด์|Polandia",
        "MA": "Morocco|Marruecos|Maroc|Marokko|Marrocos|Marocco|Fas|摩洛哥|Ma-rốc|โมร็อกโก|Maroko",
        "GB": "United Kingdom|Reino Unido|Royaume-Uni|Vereinigtes Königreich|Reino Unido|Regno Unito|Birleşik Krallık|英国|Vương quốc Anh|สหราชอาณาจักร|Inggris",
        "US": "United States|Estados Unidos|États-Unis|USA|Estados Unidos|Stati Uniti|ABD|美国|Hoa Kỳ|สหรัฐอเมริกา|Amerika Serikat",
        "DE": "Germany|Alemania|Allemagne|Deutschland|Alemanha|Germania|Almanya|德国|Đức|เยอรมนี|Jerman",
        "FR": "France|Francia|France|Frankreich|França|Francia|Fransa|法国|Pháp|ฝรั่งเศส|Prancis",
        "EG": "Egypt|Egipto|Égypte|Ägypten|Egito|Egitto|Mısır|埃及|Ai Cập|อียิปต์|Mesir",
        "KE": "Kenya|Kenia|Kenya|Kenia|Quênia|Kenya|Kenya|肯尼亚|Kenya|เคนยา|Kenya",
        "ZA": "South Africa|Sudáfrica|Afrique du Sud|Südafrika|África do Sul|Sudafrica|Güney Afrika|南非|Nam Phi|แอฟริกาใต้|Afrika Selatan",
    }.items()
}

COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "CN": ("P.R. China", "PRC", "People's Republic of China", "China (Mainland)", "Mainland China", "CHINA", "P.R.C."),
    "VN": ("Viet Nam", "VIETNAM", "Vietnam (Socialist Republic)"),
    "TR": ("Türkiye", "Turkiye", "TURKEY", "Republic of Türkiye"),
    "GB": ("UK", "U.K.", "Great Britain", "England", "Scotland"),
    "US": ("USA", "U.S.A.", "United States of America", "US"),
    "KH": ("Kingdom of Cambodia", "CAMBODIA"),
    "EG": ("Arab Republic of Egypt", "EGYPT"),
    "ZA": ("RSA", "Republic of South Africa"),
    "MA": ("Maroc", "Kingdom of Morocco"),
    "DE": ("Deutschland", "Federal Republic of Germany"),
    "PL": ("Polska",),
    "IT": ("Italia",),
    "ES": ("España", "Espana"),
    "BR": ("Brasil",),
    "MX": ("México", "Mexico (MX)"),
    "IN": ("Bharat", "INDIA"),
    "BD": ("People's Republic of Bangladesh", "BANGLADESH"),
    "PK": ("Islamic Republic of Pakistan", "PAKISTAN"),
    "LK": ("Ceylon", "Sri-Lanka"),
    "TH": ("Kingdom of Thailand", "THAILAND"),
    "ID": ("Republic of Indonesia", "INDONESIA"),
    "PT": ("Portuguese Republic",),
    "FR": ("République française",),
    "KE": ("Republic of Kenya",),
}
"""English spellings beyond the plain name: formal names, short forms, capitals."""
