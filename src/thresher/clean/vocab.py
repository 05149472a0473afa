"""Boilerplate vocabulary in many languages: menus, forms, social links, footers, stamps.

Each set holds whole short lines (lower case, punctuation stripped) that are
boilerplate on their own; each pattern finds a boilerplate phrase inside a short line.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``."""
    return frozenset(text.split())


# Words of menu lines: a short line made only of these words is navigation.
NAV_WORDS = words(
    """
home menu search main menu navigation skip to content skip to main content back to top
top next previous prev more read more see more show more view more load more continue
reading continue read full story full story read the full article back older posts
newer posts older entries newer entries all news latest news most popular most read
trending popular related related articles related stories related posts related links
recommended you may also like you might also like more from more stories more like this
tags tag topics categories category archive archives sections section sitemap site map
contact contact us about about us help faq faqs advertise advertisement advertising
sponsored sponsored content ad ads jobs careers press subscribe subscription sign in
sign up log in login logout log out register my account account newsletter newsletters
close open toggle navigation english primary secondary sidebar footer
inhaltsverzeichnis sommaire índice indice inhoudsopgave содержание reklam annons
reklama advertentie
learn find out erfahren
startseite suche hauptmenü menü navigation nach oben weiter zurück mehr weiterlesen mehr
lesen mehr zum thema mehr dazu ähnliche artikel verwandte artikel das könnte sie auch
interessieren meistgelesen themen schlagworte kategorien archiv kontakt impressum über
uns hilfe anzeige werbung abonnieren abo anmelden abmelden registrieren mein konto
newsletter
accueil recherche rechercher menu navigation haut de page suivant précédent plus lire la
suite en savoir plus lire aussi à lire aussi voir aussi articles liés sur le même sujet
les plus lus tags catégories archives contact contactez nous à propos aide publicité
s abonner abonnez vous se connecter connexion s inscrire inscription mon compte
inicio buscar búsqueda menú navegación siguiente anterior más leer más ver más seguir
leyendo noticias relacionadas artículos relacionados lo más leído etiquetas categorías
archivo contacto contáctenos acerca de ayuda publicidad suscríbete suscribirse iniciar
sesión registrarse mi cuenta
cerca menu successivo precedente avanti indietro leggi tutto continua a leggere leggi
anche articoli correlati i più letti tag categorie archivio contatti chi siamo
pubblicità iscriviti accedi registrati
início pesquisar pesquisa próximo anterior leia mais saiba mais veja também notícias
relacionadas mais lidas categorias arquivo contato contacto quem somos publicidade
assine entrar cadastre se
zoeken volgende vorige lees meer meer gerelateerde artikelen meest gelezen
categorieën archief inloggen registreren
главная поиск меню далее назад ещё еще читать далее подробнее читайте также похожие
статьи популярное теги рубрики архив контакты о нас реклама подписаться войти
регистрация
szukaj dalej wstecz więcej czytaj więcej czytaj także zobacz także powiązane artykuły
najczęściej czytane tagi kategorie archiwum kontakt reklama zaloguj zarejestruj
首页 主页 搜索 导航 菜单 下一页 上一页 下一篇 上一篇 更多 阅读全文
查看更多 相关文章 相关阅读 热门文章
热门 标签 分类 归档 联系我们 关于我们 广告 登录 注册 返回顶部
ホーム トップ 検索 メニュー 次へ 前へ 次のページ 前のページ もっと見る 続きを読む 関連記事 人気記事
タグ カテゴリー アーカイブ お問い合わせ 広告 ログイン 新規登録 ページトップ
الرئيسية بحث المزيد اقرأ المزيد اتصل بنا من نحن إعلان تسجيل الدخول
"""
)


def _phrases(text: str) -> frozenset[str]:
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


# Phrases (lower case, words joined by one space) that make a short line navigation.
NAV_PHRASES = _phrases(
    """read more|continue reading|read the full story|read full story|full story|
    skip to content|skip to main content|back to top|you may also like|you might also like|
    more stories|more from|related articles|related stories|related posts|related links|
    related content|related topics|related coverage|related videos|most popular|most read|
    most viewed|most shared|recommended for you|see all|view all|show all|click here|
    weiterlesen|mehr zum thema|das könnte sie auch interessieren|meistgelesen|alle artikel|
    lire la suite|lire aussi|à lire aussi|sur le même sujet|les plus lus|voir tout|
    leer más|seguir leyendo|lo más leído|noticias relacionadas|ver todo|ver todos|
    leggi tutto|leggi anche|continua a leggere|i più letti|vedi tutti|
    leia mais|leia também|saiba mais|mais lidas|ver tudo|lees meer|meest gelezen|
    table of contents|on this page|in this article|índice de contenidos|
    indice dei contenuti|spis treści|
    jump to recipe|skip to recipe|print recipe|zum rezept|rezept drucken|
    weiterlesen mit|jetzt weiterlesen|lesen sie jetzt weiter|nur für abonnenten|
    bereits abonnent|bereits ein abo|
    hier einloggen|alle akzeptieren|alle ablehnen|zustimmen und weiter|zur bildergalerie|
    zur galerie|zum video|vorlesen lassen|ohne werbung lesen|accept all|reject all|
    accept cookies|manage preferences|cookie settings|already a subscriber|
    already have an account|subscribe now|subscribers only|continue reading with|
    tout accepter|tout refuser|déjà abonné|réservé aux abonnés|aceptar todo|rechazar todo|
    ya eres suscriptor|accetta tutto|rifiuta tutto|sei già abbonato|alles accepteren|
    jetzt kommentieren|jetzt teilen|link kopiert|link kopieren|zum angebot|jetzt kaufen|
    hier klicken|jetzt anmelden|jetzt registrieren|jetzt abonnieren|newsletter abonnieren|
    weitere angebote|alle angebote|mehr angebote|zum preisvergleich|see all deals|more deals|
    alle bilder anzeigen|alle fotos anzeigen|alle bilder ansehen|view all photos|
    see all photos|view gallery|voir toutes les photos|ver todas las fotos|
    vedi tutte le foto|bekijk alle foto s|
    zum live ticker|zum liveticker|ticker anzeigen|gesamten ticker|liveticker zum nachlesen|
    ticker zum nachlesen|mehr anzeigen|
    jetzt suchen|jetzt bestellen|jetzt vergleichen|jetzt buchen|jetzt ansehen|
    angebote ansehen|angebot ansehen|shop now|order now|book now|
    externer inhalt|empfohlener redaktioneller inhalt|gratis testen|kostenlos testen|
    jetzt testen|free trial|try for free|start free trial|essai gratuit|prueba gratis|
    prova gratis|buy now|check price|see price|view deal|zum shop|
    sauter à la recette|aller à la recette|imprimer la recette|ir a la receta|
    saltar a la receta|imprimir receta|imprimir la receta|salta alla ricetta|
    stampa la ricetta|stampa ricetta|naar het recept|recept printen|print recept|
    przejdź do przepisu|drukuj przepis|
    читать далее|читайте также|подробнее|смотрите также|czytaj więcej|czytaj także|
    阅读全文|查看更多|相关文章|相关阅读|続きを読む|関連記事|もっと見る|اقرأ المزيد"""
)

PHRASE_STARTS = frozenset(p.split()[0] for p in NAV_PHRASES)

# Words of share/follow lines: a short line made only of these is social.
SOCIAL_WORDS = words(
    """share shares sharing tweet pin it like likes follow us on via email e mail print
    this article story page link facebook twitter x instagram linkedin pinterest reddit
    whatsapp telegram youtube tiktok rss feed google flipboard tumblr vk weibo wechat
    messenger copy comments comment save bookmark send teilen drucken folgen sie uns
    artikel beitrag seite merken link kopieren versenden per auf partager imprimer
    suivre nous cet copier le lien sur compartir imprimir seguir enlace copiar en
    condividi stampa segui su copia compartilhar partilhar delen поделиться udostępnij
    sdílet článek paylaş paylaşın dela artikeln compartilhe esta notícia
    分享 微博 微信 シェア ツイート and or"""
)

# Credit lines of pictures and videos and links to them: "Foto: dpa", "Photo by
# X/Getty Images", "Crédit photo : X", "Video: ..."; and lines naming a picture agency.
MEDIA = re.compile(
    r"^\(?(?:(?:photo|image|picture|video)s?(?: credits?)?|credits?|photograph|audio|"
    r"fotos?|bild(?:er)?|bildquelle|bildergalerie|fotostrecke|galerie|gallery|grafik|"
    r"illustration|cr[ée]dits?(?: photos?)?|"
    r"im[áa]gen(?:es)?|immagin[ei]|fotograf[íi]a|fotoğraf|zdj[eę]ci[ea]|fot\.|фото|"
    r"照片|图片|写真|画像)\s?[:：]\s*\S|"
    r"^(?:photo|image|picture|photograph|foto|bild)s? (?:by|von|de|di|door|par|por)\s+\S|"
    r"^(?:ap|afp|epa|reuters) (?:photo|foto)\b|^fot\.\s?\S|"
    r"^\((?:photo|foto|bild|image|imagen|immagine)s?\s[^()]{2,60}\)$",
    re.IGNORECASE,
)
MEDIA_STARTS = words(
    """photo photos image images picture pictures video videos credit credits photograph
    foto fotos bild bilder bildquelle grafik illustration crédit crédits credit imagen
    imágenes imagenes immagine immagini fotografía fotografia zdjęcie zdjęcia fot фото
    照片 图片 写真 画像 ap afp epa reuters audio bildergalerie fotostrecke galerie gallery
    fotoğraf podcast clip vidéo vídeo"""
)
# A picture caption ends with its credit: "... (AP Photo/Jane Doe)", "... Foto: X/dpa",
# "... Photograph: X/PA", "... (Archivbild)".
CAPTION_CREDIT = re.compile(
    r"(?:\((?:(?:ap|afp|epa|reuters|dpa)\s)?(?:photo|foto|image|picture|bild|photograph|"
    r"image credit|photo credit|credit)s?\b[^()]{0,80}\)|"
    r"\b(?:photo|photograph|foto|fotos|bild|image|picture|credit|image credit|photo credit|"
    r"bildquelle)\s?:\s*[^.!?:]{2,80}|"
    r"\((?:archivbild|archivfoto|symbolbild|symbolfoto|file photo|archive photo|file)\)|"
    r"[（(][^（）()]{1,20}撮影[）)])$",
    re.IGNORECASE,
)
# One of these words is in every line CAPTION_CREDIT finds.
CAPTION_WORDS = words(
    """photo foto image picture bild photograph credit fotos bildquelle archivbild archivfoto
    symbolbild symbolfoto file archive"""
)

# A numbered caption: "Bild 2: Blick in die Endmontage", "Abb. 3 - ...", "Figure 1: ...".
CAPTION_LABELS = words("bild foto photo image abb abbildung fig figure grafik")
NUMBERED_CAPTION = re.compile(
    r"(?:bild|foto|photo|image|abb\.?|abbildung|fig\.?|figure|grafik)\s?\d{1,2}\s?(?:[:：]|\s[-–—])\s*\S",
    re.IGNORECASE,
)

# Whole short lines that play or open media: audio versions, galleries, videos.
MEDIA_LINES = _phrases(
    """artikel anhören|artikel vorlesen|vorlesen|anhören|audio|video|videos|podcast|
    listen|listen to this article|
    listen to article|listen to this story|play video|watch video|watch|video abspielen|
    bildergalerie|fotogalerie|galerie|gallery|photo gallery|image gallery|slideshow|
    écouter cet article|écouter l article|écouter|diaporama|galerie photos|
    escuchar|escuchar artículo|escuchar noticia|galería|galería de fotos|ascolta|
    ascolta l articolo|galleria|galleria fotografica|ouvir|ouvir artigo|galeria|
    galeria de fotos|voorlezen|beluister|fotoserie|odsłuchaj|galeria zdjęć|
    bildmaterial|pressebilder|pressefotos|bilder zum download|fotos zum download|
    press images|press photos|images for download|photos à télécharger"""
)
# A gallery's counter: "Bild 1 von 8", "3 of 12", "Photo 2/10"; a player's position and
# length: "00:00 / 03:12".
GALLERY_COUNTER = re.compile(
    r"^(?:(?:bild|foto|image|photo|picture|slide|imagen|immagine|zdjęcie)\s+)?\d{1,3}\s*"
    r"(?:von|of|de|di|sur|van|z|/)\s*\d{1,3}$|^\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$",
    re.IGNORECASE,
)
# "Lesedauer: 3 Min.", "5 min read", "Temps de lecture : 4 minutes".
# The length of a clip under its title: "Video 1 Min", "Audio 2:31 Min.", "Video (03:12)".
MEDIA_DURATION = re.compile(
    r"^(?:video|audio|podcast|clip|vidéo|vídeo)\s*[:·|-]?\s*\(?\d{1,3}(?::\d{2}){0,2}\s*"
    r"(?:min(?:uten|utes?)?|sek(?:unden)?|sec(?:onds?)?|s)?\.?\)?$",
    re.IGNORECASE,
)
READING_TIME = re.compile(
    r"^(?:(?:lesedauer|lesezeit|reading time|read time|time to read|temps de lecture|"
    r"tiempo de lectura|tempo di lettura|tempo de leitura|leestijd|czas czytania|"
    r"время чтения)\s*[:：]?\s*(?:ca\.?\s*|about\s*|~\s*)?\d{1,3}\s*[\w.]*|"
    r"\d{1,3}\s*(?:min(?:ute)?s?|minuten|minutos|minuti|minut)\.?\s*"
    r"(?:read|reading|lesen|lesezeit|de lecture|de lectura|di lettura|de leitura|"
    r"leestijd|czytania))\.?$",
    re.IGNORECASE,
)

# A link to a file with its type and size: "Download (JPG, 4,8 MB)", "Satzung.pdf (245 KB)",
# "Bekanntmachung als PDF-Datei, 1,2 MB", "1,2 MB, PDF".
FILE_TYPES = words(
    "pdf jpg jpeg png gif tif tiff doc docx xls xlsx ppt pptx odt ods zip mp3 mp4 mov csv rtf epub"
)
_FILE_TYPE = r"(?:pdf|jpe?g|png|gif|tiff?|docx?|xlsx?|pptx?|odt|ods|zip|mp[34]|mov|csv|rtf|epub)"
_FILE_SIZE = r"\d{1,4}(?:[.,]\d{1,3})?\s?(?:[kmg]i?b|[kmg]byte|bytes?)"
FILE_DOWNLOAD = re.compile(
    rf"\b{_FILE_TYPE}\b(?:-datei|-dokument|-file)?[^\w\n]{{1,4}}(?:\w+[^\w\n]{{1,3}}){{0,2}}{_FILE_SIZE}\b|"
    rf"\b{_FILE_SIZE}\b[^\w\n]{{1,4}}{_FILE_TYPE}\b",
    re.IGNORECASE,
)
# A price alone, perhaps with "from" and a shop: "ab 54,90 €", "61,99 € bei Velomarkt",
# "$149.99 at Amazon", "UVP: 299 Euro" (lines of shop boxes and price widgets).
PRICE_LINE = re.compile(
    r"^(?:(?:ab|from|nur|only|uvp|statt|now|jetzt|dès|desde|da|vanaf|od)\s*:?\s*)?"
    r"(?:(?:[€$£]|eur|usd|chf|gbp)\s?\d{1,6}(?:[.,  ]\d{3})*(?:[.,]\d{1,2}|[.,]-{1,2})?|"
    r"\d{1,6}(?:[.,  ]\d{3})*(?:[.,]\d{1,2}|[.,]-{1,2})?\s?(?:€|eur|euro|euros|\$|usd|£|chf|"
    r"fr\.|zł|pln|kč|czk|sek|kr|dkk|nok|руб\.?|₽|tl|₺))\*?"
    r"(?:\s+(?:bei|at|on|auf|chez|en|su|bij|w|na|от)\s+\S.{0,40})?$",
    re.IGNORECASE,
)

# What a line needs before GALLERY_COUNTER or PRICE_LINE can match it (a cheap test of a
# Latin-1 line's tokens stands for both patterns: classify._digit_checks_may_match).
# A gallery's counter starts with a digit or one of GALLERY_STARTS and has "/", ":" or one
# of GALLERY_WORDS between its numbers.
GALLERY_STARTS = tuple(sorted(words("bild foto image photo picture slide imagen immagine zdjęcie")))
GALLERY_WORDS = words("von of de di sur van z")
# A price line starts with one of PRICE_STARTS (a word before the price, or a currency
# before the amount) or with a digit; then a currency follows the amount: one of
# CURRENCY_SIGNS, or one of CURRENCY_WORDS as a whole token (or glued to the amount).
PRICE_STARTS = tuple(
    sorted(words("ab from nur only uvp statt now jetzt dès desde da vanaf od eur usd chf gbp € $ £"))
)
CURRENCY_SIGNS = "€$£₽₺"
CURRENCY_WORDS = words("eur euro euros usd chf fr zł pln kč czk sek kr dkk nok руб tl")

# One of these words is in every line READING_TIME matches.
READING_WORDS = words(
    """min mins minute minutes minuten minutos minuti minut lesedauer lesezeit reading read
    lecture lectura lettura leitura leestijd czytania чтения"""
)

# Words that name a picture agency or library: a short line with one is a credit.
PICTURE_AGENCY_MARKS = words("getty shutterstock istock istockphoto imago alliance unsplash pixabay")

# Whole short lines that are form labels and controls.
FORM_LABELS = _phrases(
    """plz oder ort|ort oder plz|plz ort|postleitzahl|postleitzahl oder ort|zip code|
    city or zip code|zip or city|code postal|código postal|cap o città|postcode of plaats|
    name|your name|full name|first name|last name|email|e mail|email address|
    your email|e mail address|website|url|comment|comments|comment title|your comment|
    message|your message|subject|password|username|user name|captcha|security code|
    verification code|characters left|characters remaining|required|required fields|
    mandatory|submit|send|post comment|post a comment|leave a comment|leave a reply|
    add comment|add a comment|write a comment|reply|cancel reply|remember me|
    forgot password|forgot your password|i agree|i agree with the terms of use|
    notify me of new comments|notify me of follow up comments by email|
    notify me of new posts by email|save my name email and website in this browser|
    name email|passwort|kennwort|benutzername|pflichtfeld|pflichtfelder|absenden|
    kommentar|kommentar schreiben|antworten|ihr name|ihre e mail adresse|e mail adresse|
    email adresse|ihre email adresse|adresse e mail|votre adresse e mail|votre e mail|
    correo electrónico|tu correo electrónico|indirizzo email|indirizzo e mail|e mailadres|
    je e mailadres|adres e mail|
    mot de passe|identifiant|envoyer|obligatoire|commentaire|votre commentaire|répondre|
    nom|votre nom|contraseña|usuario|enviar|obligatorio|comentario|responder|nombre|
    invia|obbligatorio|commento|rispondi|nome|senha|comentário|wachtwoord|verzenden|
    reageer|naam|пароль|отправить|комментарий|ответить|имя|hasło|wyślij|komentarz|
    imię|密码|用户名|验证码|提交|发表评论|评论|回复|パスワード|送信|コメント|返信|
    was this article helpful|was this helpful|did you find this article helpful|
    war dieser artikel hilfreich|war dieser beitrag hilfreich|war das hilfreich|
    cet article vous a été utile|cet article vous a t il été utile|
    te ha resultado útil este artículo|te ha resultado útil|le ha resultado útil este artículo|
    questo articolo ti è stato utile|questo articolo è stato utile|was dit artikel nuttig|
    czy ten artykuł był pomocny|czy ten artykuł był przydatny"""
)

# Words that can start a footer or legal line; the FOOTER pattern then decides.
FOOTER_TRIGGERS = words(
    """copyright c rights reserved privacy cookie cookies terms powered maintained
    designed developed vorbehalten datenschutz impressum nutzungsbedingungen réservés
    confidentialité mentions conditions reservados privacidad aviso riservati privacy
    privacidade voorbehouden privacybeleid защищены конфиденциальности zastrzeżone
    prywatności verwendet utilise utiliza externe einverstanden používá přijmout använder
    acceptera çerez çerezler файлы использует"""
)

FOOTER_PHRASES = (
    "©",
    r"\(c\)\s*\d{4}",
    "copyright",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "todos os direitos reservados",
    "alle rechten voorbehouden",
    "все права защищены",
    "wszelkie prawa zastrzeżone",
    "版权所有",
    "著作権",
    "无权转载",
    "جميع الحقوق محفوظة",
    "privacy policy",
    "cookie policy",
    "terms of (?:use|service)",
    "terms and conditions",
    "datenschutz",
    "impressum",
    "nutzungsbedingungen",
    "politique de confidentialité",
    "mentions légales",
    "conditions d'utilisation",
    "política de privacidad",
    "aviso legal",
    "política de privacidade",
    "informativa sulla privacy",
    "privacybeleid",
    "политика конфиденциальности",
    "polityka prywatności",
    "隐私政策",
    "プライバシーポリシー",
    "powered by",
    "maintained and developed by",
    "designed by",
    "developed by",
    "(?:we|this (?:site|website)) uses? cookies",
    "accept (?:all )?cookies",
    "verwendet cookies",
    "verwenden cookies",
    "utilise des cookies",
    "utilisons des cookies",
    "utiliza cookies",
    "utilizamos cookies",
    "utilizziamo (?:i )?cookie",
    "externe inhalte angezeigt",
    "ich bin damit einverstanden",
    "používá (?:soubory )?cookies",
    "přijmout vše",
    "använder cookies",
    "acceptera alla",
    "çerez",
    "файлы cookie",
    "использует cookie",
)
FOOTER = re.compile("|".join(FOOTER_PHRASES), re.IGNORECASE)
# The phrases without a letter that has case (CJK, Arabic, "©"): on a line without such a
# letter no other phrase can match and case does not matter, so these alone are searched.
FOOTER_UNCASED = re.compile("|".join(p for p in FOOTER_PHRASES if p.upper() == p.lower()))

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|"
    r"märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|"
    r"août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|"
    r"julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|"
    r"giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|"
    r"setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus|stycznia|"
    r"lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|"
    r"grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|"
    r"listopadu|prosince|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря|ocak|şubat|mart|nisan|haziran|temmuz|ağustos|eylül|"
    r"ekim|augusti"
)
MONTHS = re.compile(rf"\b(?:{_MONTHS})\b\.?", re.IGNORECASE)
TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|gmt|utc|[ecmp][sd]?t)?\b", re.I)
DATE_NUM = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{4}年\d{1,2}月\d{1,2}日")
STAMP_WORDS = re.compile(
    r"\b(?:last updated|updated|published|posted|modified|am|pm|gmt|utc|on|at|by|"
    r"today|yesterday|ago|min(?:ute)?s?|hours?|days?|weeks?|read|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|aktualisiert|veröffentlicht|"
    r"stand|uhr|am|um|mis à jour|publié|le|à|actualizado|publicado|el|de|a las|"
    r"aggiornato|pubblicato|il|alle|atualizado|publicado|em|às|zuletzt|erstellt|geändert|"
    r"dernière|mise|jour|última|actualización|gepubliceerd|op|laatst|bijgewerkt|"
    r"aktualizacja|opublikowano|zaktualizowano|publiziert|heute|gestern|asked|answered|"
    r"edited|aktualizováno|publikováno|publicerad|uppdaterad|kl|güncelleme|güncellendi|"
    r"обновлено|опубликовано|há|horas|hace|vor|stunden|minuten|önce|saat|"
    r"назад|sedan)\b",
    re.IGNORECASE,
)

# For lines of Latin-1 letters (``LineFeatures.latin1``), where matching without case is
# lower-casing: FOOTER, MONTHS and STAMP_WORDS for lower-cased text (several times faster
# than their case-insensitive forms), and every letter run (two letters or more) that the
# stamp patterns TIME, DATE_NUM, MONTHS and STAMP_WORDS can take out of a line.
FOOTER_LOWER = re.compile(FOOTER.pattern)
MONTHS_LOWER = re.compile(MONTHS.pattern)
STAMP_WORDS_LOWER = re.compile(STAMP_WORDS.pattern)
MONTH_WORDS = words(
    """jan january feb february mar march apr april may jun june jul july aug august sep
    sept september oct october nov november dec december januar februar märz mai juni
    juli oktober dezember janvier février mars avril juin juillet août septembre octobre
    novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre
    noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre
    dicembre janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
    januari februari maart mei augustus stycznia lutego marca kwietnia maja czerwca lipca
    sierpnia września października listopada grudnia ledna února března dubna května
    června července srpna září října listopadu prosince января февраля марта апреля мая
    июня июля августа сентября октября ноября декабря ocak şubat mart nisan haziran
    temmuz ağustos eylül ekim augusti"""
)
STAMP_REMOVABLE = MONTH_WORDS | words(
    """last updated published posted modified am pm gmt utc on at by today yesterday ago
    min mins minute minutes hour hours day days week weeks read monday tuesday wednesday
    thursday friday saturday sunday aktualisiert veröffentlicht stand uhr um mis jour
    publié le actualizado publicado el de las aggiornato pubblicato il alle atualizado em
    às et est edt ct cst cdt mt mst mdt pt pst pdt zuletzt erstellt geändert dernière mise
    jour última actualización gepubliceerd op laatst bijgewerkt aktualizacja opublikowano
    zaktualizowano publiziert heute gestern asked answered edited aktualizováno publikováno
    publicerad uppdaterad kl güncelleme güncellendi обновлено опубликовано há
    horas hace vor stunden minuten önce saat назад sedan"""
)

# The words that sign a stamp or end a "sponsored by" line (those of STAMP_SIGNATURE).
SIGNING_WORDS = frozenset(["by", "von", "par", "por", "di", "da", "door", "przez"])
# The signature at the end of a stamp: "Posted on March 4, 2022 by Jane Doe",
# "Veröffentlicht am 4. Oktober 2022 von Miriam" (one to four capitalised names).
STAMP_SIGNATURE = re.compile(
    r"\s(?i:by|von|par|por|di|da|door|przez)\s+(?P<names>[^\W\d_][\w.'’-]*"
    r"(?:\s+[^\W\d_][\w.'’-]*){0,3})\s*$"
)

# Comment sections: a commenter's header line, or the heading / count of comments.
COMMENT_HEADER = re.compile(
    r"^.{1,80}?\s(?:says|said|wrote|replied|sagt|schreibt|schrieb|meint|dit|a écrit|"
    r"dice|escribió|dijo|scrive|ha scritto|disse|escreveu|schreef|zegt|пишет|написал|"
    r"napisał|pisze|說|说|写道)\s*:?$",
    re.IGNORECASE,
)
COMMENT_SECTION = re.compile(
    r"^(?:\d+ )?(?:top rated |all |show |view |read |hide |newest |oldest |best )?"
    r"(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|comentarios?|"
    r"commenti|comentários|reacties|комментари[йяеви]+|komentarz[ey]?|diskuse|diskuze|"
    r"komentáře|yorumlar|kommentarer)(?: \d+)?$|"
    r"^\d+ (?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"commenti|comentários|reacties|комментари[йяеви]+|komentarz[ey]?|komentářů|"
    r"komentáře|yorum|kommentarer) |"
    r"^(?:leave a (?:reply|comment)|post a comment|join the (?:discussion|conversation)|"
    r"comments are closed|add (?:a )?comment|write a comment|kommentar schreiben|"
    r"laisser un commentaire|deja (?:un|tu) comentario|lascia un commento|"
    r"deixe um comentário|reageer|vstoupit do diskuse|yorum yaz|skriv en kommentar|"
    r"оставить комментарий)\b"
)

# Words without which neither comment pattern can match (a cheap test first).
COMMENT_VERBS = words(
    """says said wrote replied sagt schreibt schrieb meint dit écrit dice escribió dijo
    scrive scritto disse escreveu schreef zegt пишет написал napisał pisze"""
)
COMMENT_WORDS = words(
    """comment comments response responses replies reply reactions kommentar kommentare
    commentaire commentaires comentario comentarios commento commenti comentários
    comentário reacties reageer discussion conversation комментарии комментариев
    комментария комментарий komentarz komentarze komentarzy diskuse diskuze komentáře
    komentářů yorumlar yorum kommentarer vstoupit yaz skriv оставить"""
)

# Headings of "more stories" blocks: where the article has ended.
RELATED_HEADINGS = _phrases(
    """about the author|about the authors|über den autor|über die autorin|über die autoren|
    zur autorin|zum autor|à propos de l auteur|sobre el autor|sobre la autora|sull autore|
    over de auteur|o autorze|об авторе|
    sources|quellen|quellenangaben|fuentes|fonti|bronnen|źródła|источники|
    related|related articles|related stories|related posts|related links|related content|
    related coverage|related news|you may also like|you might also like|you may like|
    you might like|more stories|more like this|recommended|recommended for you|
    recommended stories|most popular|most read|most viewed|trending|trending now|
    popular posts|recent posts|latest news|other people are reading|more on this story|
    more news|more headlines|top stories|latest stories|editor's picks|editors picks|
    editors recommend|die redaktion empfiehlt|redaktionsempfehlung|unsere empfehlung|
    mehr aus dem ressort|mehr aus der region|mehr aus dieser rubrik|
    la rédaction vous recommande|
    don't miss|dont miss|read next|up next|further reading|similar articles|
    what to read next|more to explore|you may be interested in|
    mehr zum thema|das könnte sie auch interessieren|das könnte dich auch interessieren|
    weitere artikel|ähnliche artikel|verwandte artikel|meistgelesen|meistgelesene artikel|
    neueste artikel|weitere meldungen|weitere nachrichten|weitere themen|mehr nachrichten|
    aktuelle meldungen|neueste meldungen|top themen|unsere empfehlungen|
    auch interessant|ebenfalls interessant|passend zum thema|dazu passend|
    beliebte artikel|ähnliche beiträge|verwandte beiträge|weitere beiträge|
    neueste beiträge|letzte beiträge|aktuelle beiträge|beliebte beiträge|
    à lire également|dans la même rubrique|nos dernières actualités|
    más noticias|te recomendamos|también le puede interesar|altre notizie|
    ultime notizie|meer nieuws|ook interessant|zobacz również|polecamy|
    potrebbe interessarti anche|ti potrebbe interessare anche|może cię zainteresować|
    może cię też zainteresować|najczęściej czytane|najnowsze|
    mohlo by vás zajímat|související články|čtěte také|nejčtenější|další články|
    läs också|relaterat|mest läst|relaterade artiklar|ilginizi çekebilir|
    bunlar da ilginizi çekebilir|ilgili haberler|çok okunanlar|benzer haberler|
    новости по теме|по теме|самое читаемое|другие новости|あわせて読みたい|
    こちらもおすすめ|
    lire aussi|à lire aussi|sur le même sujet|articles similaires|les plus lus|
    vous aimerez aussi|noticias relacionadas|artículos relacionados|te puede interesar|
    también te puede interesar|lo más leído|articoli correlati|leggi anche|
    potrebbe interessarti|ti potrebbe interessare|i più letti|você pode gostar|
    você também pode gostar|leia também|veja também|notícias relacionadas|mais lidas|
    gerelateerde artikelen|meest gelezen|lees ook|читайте также|похожие статьи|
    czytaj także|zobacz także|powiązane artykuły|相关文章|相关阅读|猜你喜欢|热门文章|
    関連記事|人気記事|おすすめ記事"""
)
# The whole-line check compares a line's words joined by blanks: "Don't miss" is
# "don t miss" there.
RELATED_HEADINGS |= frozenset(" ".join(re.findall(r"\w+", p)) for p in RELATED_HEADINGS)

# "Read also" lines: the short line after one inside an article is another story.
READ_ALSO = _phrases(
    """read also|also read|see also|read more|related|more|don t miss|lesen sie auch|lesen sie mehr|
    mehr dazu|auch interessant|siehe auch|lire aussi|à lire aussi|voir aussi|
    lee también|ver también|leia também|veja também|leggi anche|vedi anche|lees ook|
    zie ook|czytaj także|czytaj też|zobacz też|zobacz także|читайте также|
    смотрите также|相关阅读|関連記事|läs också|läs även|čtěte také|čtěte též|
    ayrıca okuyun|ilginizi çekebilir|あわせて読みたい|relacionado|relacionada|
    noticia relacionada|te puede interesar|correlato|correlati|gerelateerd"""
)
