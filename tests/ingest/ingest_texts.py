"""Invented texts for the ingest tests, each long enough for language identification."""

ENGLISH = (
    "Rebels shelled the town of Exampleville on Tuesday, killing three civilians and "
    "wounding a dozen others, officials said, as the army moved more troops to the area."
)
ARABIC = (
    "قصف المتمردون بلدة في شمال البلاد يوم الثلاثاء مما أدى إلى مقتل ثلاثة مدنيين "
    "وإصابة عشرة آخرين بجروح، وقال مسؤولون محليون إن الجيش أرسل تعزيزات كبيرة إلى "
    "المنطقة بعد الهجوم الذي وقع في الصباح الباكر"
)
RUSSIAN = (
    "Во вторник повстанцы обстреляли город на севере страны, в результате чего погибли "
    "три мирных жителя и еще десять получили ранения, сообщили местные чиновники, "
    "добавив, что армия направила в район дополнительные войска после нападения"
)
FRENCH = (
    "Mardi, les rebelles ont bombardé une ville du nord du pays, tuant trois civils et "
    "en blessant une dizaine d'autres, ont indiqué les autorités locales, ajoutant que "
    "l'armée avait envoyé des renforts dans la région après l'attaque."
)

