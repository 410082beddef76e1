#!/usr/bin/env python3
"""Where a service's request threads spend their CPU, from a JFR recording.

Each execution sample of a request thread (Tomcat's http-nio-*) is given to the innermost
frame that belongs to a known library (the MySQL driver, Tomcat, Spring MVC, Jackson,
logging, metrics, ...); the script prints each library's share of the samples. Needs a
JDK whose `jfr` tool prints JSON (JDK 17+); JFR_TOOL names it.

    bench/jfr-buckets.py recording.jfr
"""
import collections
import json
import os
import subprocess
import sys

BUCKETS = [
    ("MySQL driver", "com/mysql"),
    ("Hikari pool", "com/zaxxer"),
    ("Spring JDBC", "org/springframework/jdbc"),
    ("Jackson", "tools/jackson"),
    ("Logback (access log)", "ch/qos/logback"),
    ("Micrometer (metrics, observations)", "io/micrometer"),
    ("Hibernate Validator", "org/hibernate/validator"),
    ("Tomcat (HTTP, valves)", "org/apache/"),
    ("Spring MVC", "org/springframework/web"),
    ("Spring HTTP", "org/springframework/http"),
    ("Spring AOP, transactions", "org/springframework/aop"),
    ("Spring AOP, transactions", "org/springframework/transaction"),
    ("Spring core, other", "org/springframework"),
    ("the service's own code", "io/videoserver"),
]


def main(recording):
    tool = os.environ.get("JFR_TOOL", "jfr")
    printed = subprocess.run([tool, "print", "--json", "--stack-depth", "200", "--events",
                              "jdk.ExecutionSample", recording], capture_output=True, text=True, check=True)
    shares = collections.Counter()
    samples = 0
    for event in json.loads(printed.stdout)["recording"]["events"]:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or ""
        trace = values.get("stackTrace")
        if not trace or "http-nio" not in thread:
            continue
        samples += 1
        shares[bucket(trace["frames"])] += 1
    print(f"request-thread samples: {samples}")
    for name, count in shares.most_common():
        print(f"{100 * count / max(samples, 1):5.1f} %  {name}")


def bucket(frames):
    for frame in frames:
        type_name = frame["method"]["type"]["name"]
        for name, prefix in BUCKETS:
            if type_name.startswith(prefix):
                return name
    return "the JDK alone"


if __name__ == "__main__":
    main(sys.argv[1])
