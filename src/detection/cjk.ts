import { lazyPairsMap, type CharMap } from './fold';

/**
 * Traditional → simplified Chinese, one character each, for words news uses around stories
 * like the ones packs track (politics, military, technology, markets). Pack terms are written
 * in simplified Chinese; Taiwanese and Hong Kong pages write the same words in traditional
 * characters, and folding both sides through this table lets one term match both. Japanese
 * kanji go through it too, harmlessly: terms and text are folded the same way.
 * Characters not listed stay as they are: when a pack's Chinese term uses a character whose
 * traditional form differs, that pair must be here (test/unit/detection/languages.test.ts
 * reads the same story in both scripts; add a case there for a new pack's terms).
 */
const PAIRS =
  '國国軍军隊队備备錄录宮宫時时報报術术戶户數数據据資资紀纪記记無无談谈屬属實实錯错誤误關关劉刘鵬鹏認认則则評评館馆獨独證证驗验經经協协顧顾確确偽伪僞伪團团東东們们這这個个來来對对說说開开發发後后會会' +
  '與与為为於于從从當当還还進进過过將将條条點点機机構构際际貿贸議议總总統统選选舉举門门問问題题區区華华頓顿電电腦脑網网絡络訊讯號号碼码擊击駭骇補补權权稱称責责護护隱隐務务長长陸陆臺台灣湾體体導导內内' +
  '幣币價价漲涨場场業业產产營营銷销買买賣卖車车億亿萬万員员雲云處处應应顯显態态勢势衛卫節节傳传聞闻專专訪访濟济舊旧歷历爭争戰战聯联鬥斗麼么裡里裏里樣样參参強强觀观達达該该軟软設设計计劃划線线級级類类' +
  '係系狀状況况邊边須须壓压嚴严厲厉懲惩罰罚製制損损險险歸归辦办蘇苏鐵铁錢钱銀银龍龙鳥鸟魚鱼紅红綠绿藍蓝黃黄葉叶飛飞風风見见覺觉親亲觸触讀读寫写書书畫画詞词語语譯译論论調调變变讓让請请謝谢識识讚赞貝贝' +
  '負负財财貨货質质購购貸贷費费賀贺賠赔賴赖贏赢軌轨輕轻載载輸输轉转農农運运遠远適适遺遗郵邮醫医針针鋼钢鏈链鎖锁閉闭間间閱阅陣阵陳陈隨随雖虽雙双雜杂離离難难靜静頁页項项順顺預预領领頻频額额願愿飯饭馬马' +
  '驚惊髮发鬧闹齊齐龜龟麥麦黨党齒齿準准滅灭漢汉災灾烏乌熱热燈灯爾尔牆墙獎奖現现環环畢毕療疗盡尽監监盤盘眾众衆众礎础禮礼禍祸種种穩稳窮穷競竞筆笔簡简範范糧粮約约納纳紐纽純纯紙纸細细終终組组結结絕绝給给' +
  '絲丝維维綜综緊紧編编緩缓縣县績绩繼继續续罷罢習习聖圣聲声職职肅肃脅胁膽胆臨临興兴艦舰藝艺藥药蘭兰虛虚蟲虫衝冲複复復复襲袭規规視视覽览訂订討讨訓训許许訴诉診诊詢询試试詳详誌志誠诚誰谁課课諾诺謀谋謂谓' +
  '謹谨譜谱豐丰貓猫貢贡販贩貧贫貴贵貼贴賓宾賞赏賦赋趕赶趙赵跡迹踐践蹤踪較较輔辅輛辆輪轮辭辞遞递遷迁遲迟鄉乡鄭郑釋释鑑鉴鍵键鏡镜鐘钟鍾钟闡阐階阶雞鸡靈灵韓韩響响頭头顏颜養养驅驱鬆松魯鲁鮮鲜麗丽齡龄虧亏' +
  '嚇吓嚮向囑嘱園园圍围圖图執执堅坚塊块塗涂墜坠壞坏壯壮壽寿夢梦夠够奪夺奮奋婦妇媽妈嬰婴學学寧宁寶宝審审尋寻層层歲岁殺杀殼壳毀毁氣气溫温測测滿满滬沪漁渔潔洁潛潜澤泽濃浓濕湿瀏浏灑洒劇剧劍剑勞劳勝胜勵励' +
  '勸劝單单叢丛吳吴啟启喚唤喪丧喬乔嘗尝噸吨優优傑杰傘伞債债傷伤傾倾僅仅儀仪儘尽儲储兒儿兩两冊册凍冻凱凯剛刚創创週周徵征憲宪憑凭戲戏拋抛挾挟捨舍掃扫掛挂採采換换揚扬搖摇搶抢撥拨擁拥擇择擔担擠挤擬拟擴扩' +
  '擺摆擾扰攝摄敗败敵敌斷断晉晋暫暂曆历極极槍枪標标樂乐樓楼樹树橋桥檔档檢检歡欢歐欧殘残毆殴決决沒没滯滞滲渗漸渐潰溃濤涛濫滥瀕濒煙烟爐炉獄狱獲获瑪玛異异瘋疯盜盗盧卢礙碍祕秘禦御稅税穀谷竊窃築筑簽签籃篮' +
  '籌筹籠笼紋纹紛纷練练緒绪緣缘縮缩織织繳缴纖纤羅罗聽听脫脱膚肤艙舱莊庄蔣蒋蘋苹裝装詐诈詭诡誘诱諜谍謊谎譴谴豬猪賬账贊赞趨趋軸轴輿舆轟轰迴回連连遊游違违遙遥鄰邻錦锦鎮镇閃闪閣阁闊阔陝陕陽阳頒颁頗颇顆颗' +
  '颱台餘余饋馈騙骗騰腾髒脏鳳凤鴻鸿龐庞駐驻惡恶謠谣誹诽謗谤涼凉綱纲鄧邓臉脸蓋盖奧奥彈弹竄窜絃弦屆届廣广廠厂廳厅彙汇匯汇滙汇燒烧爛烂禿秃稟禀籤签託托訟讼詆诋詛诅訝讶詮诠詰诘誅诛諷讽謬谬譏讥譽誉讒谗賊贼' +
  '賄贿賂赂賜赐贓赃躍跃軒轩轄辖遜逊鄒邹醞酝釀酿銳锐錫锡鍋锅鍛锻鏢镖閒闲閘闸闖闯陰阴隸隶韌韧頂顶頌颂頰颊餓饿駕驾駛驶驟骤鬱郁鹽盐黴霉齋斋' +
  '偉伟輝辉譚谭淵渊';

export const T2S: CharMap = lazyPairsMap(PAIRS);
