# Where a rule comes from: an article of a law (ids rule-…).

rule-source-law-lid = { $law }, article { $article }, paragraph { $lid } ({ $bwb_id })
rule-source-law = { $law }, article { $article } ({ $bwb_id })
