-- The national programmes (RES regions, MIRT regions, Regio Deals, Woondeals) are imported
-- with the public source of their facts, shown with each collaboration.
ALTER TABLE collaborations ADD COLUMN source_url TEXT;
