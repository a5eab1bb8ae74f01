-- summary.spark.sql — one row per customer for `yutang clv --summary` (Spark SQL 3.x).
--
-- The same query as summary.duckdb.sql (see there for the conventions) in Spark's dialect:
-- reads a table or view `orders(customer, order_date, amount)` of paid orders (refunds negative,
-- order_date a DATE). The calibration end is the last order date; for a fixed one replace
-- `(SELECT max(order_date) FROM orders)` below with a literal such as DATE'1997-09-30'.
-- Write the result as CSV with a header, e.g.
--   spark.sql(open("summary.spark.sql").read()).coalesce(1).write.option("header", True).csv("out")
WITH params AS (
    SELECT (SELECT max(order_date) FROM orders) AS cal
),
days AS (
    SELECT o.customer, o.order_date AS day, sum(o.amount) AS spend, bool_or(o.amount >= 0) AS purchase
    FROM orders o CROSS JOIN params p
    WHERE o.order_date <= p.cal
    GROUP BY o.customer, o.order_date
),
buyers AS (
    SELECT customer, min(day) AS first_day, max(day) AS last_day, count(*) AS purchase_days
    FROM days
    WHERE purchase
    GROUP BY customer
)
SELECT b.customer,
       CAST(b.purchase_days - 1 AS INT) AS frequency,
       datediff(b.last_day, b.first_day) AS recency,
       datediff(p.cal, b.first_day) AS T,
       coalesce(sum(d.spend) FILTER (WHERE d.purchase AND d.day > b.first_day) / nullif(b.purchase_days - 1, 0), 0)
           AS monetary_value,
       sum(d.spend) AS revenue
FROM buyers b
JOIN days d ON d.customer = b.customer
CROSS JOIN params p
GROUP BY b.customer, b.first_day, b.last_day, b.purchase_days, p.cal
ORDER BY b.customer;
