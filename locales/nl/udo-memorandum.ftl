udo-memorandum-link = Paragrafen voor de memorie van toelichting
udo-memorandum-title = Memorie van toelichting: { $title }
udo-memorandum-intro = Samenspel schrijft deze twee paragrafen van de memorie van toelichting uit de gegevens van het dossier: de financiële gevolgen per bestuurslaag en jaar (aanwijzing 4.46 van de Aanwijzingen voor de regelgeving) en het advies en de consultatie, met het aantal gepubliceerde reacties en wat ermee is gedaan. Controleer de tekst voordat u hem overneemt.
udo-memorandum-back = Terug naar het dossier
udo-memorandum-odt = Downloaden als OpenDocument-tekst (.odt)
udo-memorandum-txt = Downloaden als platte tekst (.txt)
udo-memorandum-plain = Platte tekst om te kopiëren
udo-memorandum-plain-label = De paragrafen als platte tekst (de tabel met tabs tussen de kolommen)
