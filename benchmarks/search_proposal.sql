\timing off
BEGIN;
ALTER TABLE market_product ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('simple', coalesce(description, '')), 'B')) STORED;
CREATE INDEX market_product_search_document ON market_product USING gin (search_document);
ANALYZE market_product;
\echo '=== FTS on the stored column: word pempek'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id, ts_rank(p.search_document, q) AS rank
FROM market_product p JOIN market_shop s ON s.id = p.shop_id, to_tsquery('simple', 'pempek:*') q
WHERE p.status = 'published' AND s.status IN ('pending', 'verified') AND p.search_document @@ q
ORDER BY rank DESC, p.published_at DESC LIMIT 21;
\echo '=== FTS on the stored column: prefix kerup'
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id, ts_rank(p.search_document, q) AS rank
FROM market_product p JOIN market_shop s ON s.id = p.shop_id, to_tsquery('simple', 'kerup:*') q
WHERE p.status = 'published' AND s.status IN ('pending', 'verified') AND p.search_document @@ q
ORDER BY rank DESC, p.published_at DESC LIMIT 21;
\echo '=== typo fallback (FTS found nothing): kemplng, word_similarity_threshold 0.5'
SET LOCAL pg_trgm.word_similarity_threshold = 0.5;
EXPLAIN (ANALYZE, BUFFERS) SELECT p.id, word_similarity('kemplng', p.title) AS sim
FROM market_product p JOIN market_shop s ON s.id = p.shop_id
WHERE p.status = 'published' AND s.status IN ('pending', 'verified') AND p.title %> 'kemplng'
ORDER BY sim DESC, p.published_at DESC LIMIT 21;
ROLLBACK;
