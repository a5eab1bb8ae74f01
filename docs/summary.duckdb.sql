-- summary.duckdb.sql — one row per customer for `yutang clv --summary` (DuckDB).
--
-- Reads a table or view `orders(customer, order_date, amount)`: paid orders only (leave out
-- closed, cancelled and unpaid ones in the view that feeds this), refunds as negative amounts,
-- order_date a DATE. The calibration end is the variable `calibration_end`
-- (SET VARIABLE calibration_end = DATE '1997-09-30';), or the last order date when unset.
--
-- Conventions (the same as Yutang's own import, core/tiering/clv_inputs.hpp): only rows on or
-- before the calibration end count; a purchase day is a day with a row of amount >= 0, and its
-- spend is the sum of all that day's rows; frequency = purchase days after the first, recency =
-- days from the first to the last purchase day, T = days from the first purchase day to the
-- calibration end, monetary_value = mean spend of the repeat purchase days (0 without any),
-- revenue = all rows' amounts up to the calibration end. Customers without a purchase day are
-- left out (they are not modelled).
WITH params AS (
    SELECT coalesce(CAST(getvariable('calibration_end') AS DATE), (SELECT max(order_date) FROM orders)) AS cal
),
days AS (
    SELECT o.customer, o.order_date AS day, sum(o.amount) AS spend, bool_or(o.amount >= 0) AS purchase
    FROM orders o, params p
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
       CAST(b.purchase_days - 1 AS INTEGER) AS frequency,
       CAST(date_diff('day', b.first_day, b.last_day) AS INTEGER) AS recency,
       CAST(date_diff('day', b.first_day, p.cal) AS INTEGER) AS T,
       coalesce(sum(d.spend) FILTER (WHERE d.purchase AND d.day > b.first_day) / nullif(b.purchase_days - 1, 0), 0)
           AS monetary_value,
       sum(d.spend) AS revenue
FROM buyers b
JOIN days d ON d.customer = b.customer
CROSS JOIN params p
GROUP BY b.customer, b.first_day, b.last_day, b.purchase_days, p.cal
ORDER BY b.customer;
