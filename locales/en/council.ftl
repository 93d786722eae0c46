# Which bodies of each participant take part in a regeling, and what a municipal council can
# do itself (issue 13, item 2). The articles are in data/rules/wgr_termijnen.csv and docs/DATA.md.

council-col-organs = Body taking part
council-organs-none = not recorded
council-through = through: { $organs }
council-heading = What the council itself can do
council-intro = Which body of a municipality takes part — the council, the executive (college) or the mayor, as the register of joint arrangements records it — decides what the council itself can do. If the council takes part, it decides on changing, joining and leaving itself. If only the executive or the mayor takes part, the council receives the draft for its view and its consent is needed (Wgr, article 1, second to fourth paragraph). In both cases the budget documents go to the councils (articles 34b and 35; our reading, see the sources in the tables).
council-municipalities = Municipalities ({ $count }): { $names }
council-caption = { $position }: what the council can do, with the article
council-col-power = What the council can do
council-col-source = Source
council-no-powers = No articles are derived for this regeling: it has ended, or its participants fall under a chapter of the Wgr whose articles were not read (for instance with water boards or the Rijk).
council-information-heading = Information and accountability
council-information = The board of a regeling with a body of its own gives the councils unasked the information they need and answers councillors' questions; the member of the general board a municipality appoints informs the council and is accountable to whoever appointed them (Wgr, articles 16 to 19 as amended on 1 July 2022).
council-information-source = gemeente.nu: Actively informing in joint arrangements
