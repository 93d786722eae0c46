# Where a rule comes from: an article of a law (ids rule-…).

rule-source-law-lid = { $law }, artikel { $article }, lid { $lid } ({ $bwb_id })
rule-source-law = { $law }, artikel { $article } ({ $bwb_id })
