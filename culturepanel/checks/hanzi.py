"""Simplified versus Traditional Chinese, told apart by characters only one of them uses.

The table pairs frequent characters whose simplified form (left) differs
from the traditional one (right) and where neither form is in ordinary use
in the other standard. Characters that merged in simplification but still
exist on both sides (后/後, 发/髮, 里/裡, 台/臺, 干/乾, 面/麵, 只/隻...) are
left out on purpose: they would give false evidence. About 330 pairs cover
most running text, since they include the commonest words of marketing copy
(这/這, 们/們, 会员/會員, 优惠/優惠, 购物/購物, 免费/免費...).
"""

from __future__ import annotations

_PAIRS = (
    "这這们們个個来來时時说說国國为為会會学學对對过過还還没沒样樣经經发發门門问問间間"
    "东東车車长長马馬鱼魚鸟鳥见見贝貝页頁风風飞飛龙龍气氣电電话話语語读讀书書买買卖賣"
    "实實现現开開关關头頭体體从從众眾优優价價节節庆慶欢歡热熱销銷产產质質务務验驗简簡"
    "单單网網络絡线線级級红紅绿綠蓝藍颜顏专專业業团團队隊应應该該够夠尽盡请請谢謝让讓"
    "认認识識试試设設计計记記论論议議调調谁誰课課边邊进進远遠运運达達连連适適选選递遞"
    "际際陆陸阳陽阴陰难難须須顾顧领領题題额額项項预預顺順饭飯饮飲馆館钱錢银銀铁鐵钟鐘"
    "错錯锁鎖镜鏡闪閃闭閉闻聞阶階随隨险險杂雜鸡雞离離双雙观觀权權华華万萬与與丽麗乐樂"
    "乡鄉乱亂争爭亚亞亲親亿億仅僅伤傷侣侶俭儉债債倾傾储儲儿兒党黨兰蘭兴興养養兽獸决決"
    "况況净淨减減凤鳳击擊刘劉则則刚剛创創删刪别別剧劇劝勸办辦动動劳勞势勢区區医醫协協"
    "卫衛却卻厂廠厅廳历歷压壓厌厭县縣参參变變号號叹嘆吗嗎启啟员員听聽园園围圍图圖圆圓"
    "圣聖场場坏壞块塊坚堅报報声聲处處备備夹夾奋奮奖獎妇婦妈媽婴嬰孙孫宁寧宝寶宠寵审審"
    "宪憲宫宮寻尋导導寿壽将將尔爾尘塵尝嘗层層属屬岁歲岛島币幣师師带帶帮幫广廣库庫庙廟"
    "异異弃棄张張弯彎弹彈强強归歸当當录錄彻徹径徑忆憶态態怀懷总總恋戀恶惡悦悅惊驚惯慣"
    "愿願战戰执執扩擴扫掃扬揚护護担擔拥擁择擇挂掛换換据據数數断斷无無旧舊显顯晓曉暂暫"
    "术術机機杀殺条條极極构構枪槍标標树樹桥橋检檢楼樓欧歐残殘毕畢汇匯汉漢汤湯沟溝泪淚"
    "泽澤洁潔济濟浅淺测測涨漲温溫湾灣满滿灯燈灵靈点點炼煉烟煙爱愛爷爺牵牽犹猶状狀独獨"
    "狮獅献獻环環画畫畅暢疗療盖蓋盘盤矿礦码碼础礎确確礼禮祷禱祸禍种種积積称稱税稅穷窮"
    "类類粮糧紧緊约約纪紀纯純纸紙练練组組细細终終结結给給绝絕统統继繼续續维維综綜编編"
    "罗羅罚罰义義习習联聯职職肤膚胜勝脑腦脚腳脸臉艺藝苏蘇药藥获獲营營萝蘿虽雖虾蝦补補"
    "装裝规規视視览覽觉覺订訂讨討训訓讲講许許访訪证證评評诉訴词詞译譯诚誠询詢详詳误誤"
    "诸諸谈談负負贡貢财財责責贤賢败敗货貨购購贵貴费費贴貼贸貿资資赏賞赛賽赞贊赶趕趋趨"
    "跃躍践踐轨軌转轉轮輪软軟轻輕载載较較辆輛辑輯输輸迟遲逻邏遗遺邮郵邻鄰郑鄭酱醬释釋"
    "针針钓釣钻鑽铃鈴链鏈锅鍋锋鋒键鍵闲閒闹鬧阅閱阔闊阵陣陈陳隐隱雾霧静靜顶頂顿頓频頻"
    "饰飾饱飽饼餅驾駕骑騎鲜鮮麦麥黄黃齐齊龄齡农農丰豐临臨举舉么麼亏虧产產众眾优優会會"
    "传傳伞傘体體侦偵俩倆们們备備贷貸赠贈输輸邀邀"
)

SIMPLIFIED_ONLY: frozenset[str] = frozenset(
    _PAIRS[i] for i in range(0, len(_PAIRS), 2) if _PAIRS[i] != _PAIRS[i + 1]
)
TRADITIONAL_ONLY: frozenset[str] = frozenset(
    _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2) if _PAIRS[i] != _PAIRS[i + 1]
)


def variant_counts(text: str) -> tuple[int, int]:
    """``(simplified-only, traditional-only)`` character counts in ``text``."""
    s = t = 0
    for ch in text:
        if ch in SIMPLIFIED_ONLY:
            s += 1
        elif ch in TRADITIONAL_ONLY:
            t += 1
    return s, t
