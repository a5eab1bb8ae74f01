#!/usr/bin/python3
"""make_demo_orders.py — writes assets/demo/orders.csv, the demo brand's order export.

A made-up cosmetics brand (花漾 Huayang): 1,500 members whose purchases follow a BG/NBD-like
process (gamma-distributed purchase rates, geometric drop-out) over the 18 months to 2026-11-15,
with Chinese column names as a Chinese shop back-office exports them. Deterministic (fixed seed);
rerun it only to change the demo data.
"""
import datetime, pathlib, random

rng = random.Random(20261115)
END = datetime.date(2026, 11, 15)
START = END - datetime.timedelta(days=540)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "婉婷静雅欣怡佳琪晓雪梦琳思涵雨萱可馨诗语慧敏丽娜芳秀英玉兰红霞燕子萌萌小美若曦紫嫣乐瑶"
CITIES = ["上海", "北京", "杭州", "广州", "深圳", "成都", "南京", "武汉", "苏州", "西安", "重庆", "长沙"]
CHANNELS = ["包裹卡", "直播间", "门店", "老带新", "小红书", "公众号"]
CATEGORIES = ["口红", "粉底", "眼影", "护肤", "香水"]


def main():
    rows = []
    order_no = 100000
    for i in range(1, 1501):
        cid = f"HY{i:06d}"
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))
        phone = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
        gender = "女" if rng.random() < 0.86 else "男"
        city, channel, cat = rng.choice(CITIES), rng.choice(CHANNELS), rng.choice(CATEGORIES)
        first = START + datetime.timedelta(days=rng.randrange(0, 540))
        lam = rng.gammavariate(0.6, 1 / 12.0)  # purchases per day
        p_drop = rng.betavariate(0.8, 3.0)
        spend = rng.gammavariate(6.0, 1 / 0.04) * (1.6 if cat in ("护肤", "香水") else 1.0)
        day = first
        while day <= END:
            order_no += 1
            amount = max(9.9, rng.gammavariate(8.0, spend / 8.0))
            hour, minute = rng.randrange(8, 24), rng.randrange(60)
            rows.append((f"DD{order_no}", cid, name, phone, gender, city, channel,
                         f"{day.isoformat()} {hour:02d}:{minute:02d}", f"{amount:.2f}", cat))
            if rng.random() < 0.04:  # an occasional refund
                order_no += 1
                rows.append((f"DD{order_no}", cid, name, phone, gender, city, channel,
                             f"{day.isoformat()} {hour:02d}:{minute:02d}", f"{-amount:.2f}", cat))
            if rng.random() < p_drop:
                break
            gap = rng.expovariate(lam) if lam > 0 else 10 ** 6
            day = day + datetime.timedelta(days=max(1, int(gap)))
    rows.sort(key=lambda r: r[7])
    out = pathlib.Path(__file__).with_name("orders.csv")
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("订单号,会员ID,姓名,手机号,性别,城市,渠道,下单时间,实付金额,偏好品类\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    print(f"{out}: {len(rows)} orders")


if __name__ == "__main__":
    main()
