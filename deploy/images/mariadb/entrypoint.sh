#!/bin/bash
# First start: create the system tables, the root password, the database and its user,
# on a server that listens on a socket only (so health checks fail until it is ready);
# then run the real server in the foreground.
set -euo pipefail
datadir=/var/lib/mysql
mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld "$datadir"
if [ ! -d "$datadir/mysql" ]; then
	: "${MYSQL_ROOT_PASSWORD:?MYSQL_ROOT_PASSWORD must be set}"
	echo "entrypoint: initialising $datadir"
	mariadb-install-db --user=mysql --datadir="$datadir" --skip-test-db > /dev/null
	mariadbd --user=mysql --datadir="$datadir" --skip-networking --socket=/run/mysqld/init.sock &
	pid=$!
	for _ in $(seq 1 60); do
		mariadb-admin --socket=/run/mysqld/init.sock ping --silent 2> /dev/null && break
		sleep 1
	done
	{
		echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';"
		echo "GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;"
		echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';"
		if [ -n "${MYSQL_DATABASE:-}" ]; then
			echo "CREATE DATABASE IF NOT EXISTS \`${MYSQL_DATABASE}\` CHARACTER SET utf8mb4;"
			if [ -n "${MYSQL_USER:-}" ]; then
				echo "CREATE USER IF NOT EXISTS '${MYSQL_USER}'@'%' IDENTIFIED BY '${MYSQL_PASSWORD:-}';"
				echo "GRANT ALL ON \`${MYSQL_DATABASE}\`.* TO '${MYSQL_USER}'@'%';"
			fi
		fi
		echo "FLUSH PRIVILEGES;"
	} | mariadb --socket=/run/mysqld/init.sock -uroot
	mariadb-admin --socket=/run/mysqld/init.sock -uroot -p"${MYSQL_ROOT_PASSWORD}" shutdown
	wait "$pid"
	echo "entrypoint: initialised"
fi
exec mariadbd --user=mysql --datadir="$datadir" --bind-address=0.0.0.0 --port=3306 \
	--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci "$@"
