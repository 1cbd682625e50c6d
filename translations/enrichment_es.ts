<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AppOptions</name>
    <message>
        <source>Enrichment Monitor: live dashboard of the music-metadata enrichment pipeline.
Without --url it starts an embedded demo backend on 127.0.0.1 and watches it.</source>
        <translation>Enrichment Monitor: panel en vivo de la canalización de enriquecimiento de metadatos musicales.
Sin --url inicia un backend de demostración integrado en 127.0.0.1 y lo vigila.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Mostrar esta ayuda.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Mostrar la versión.</translation>
    </message>
    <message>
        <source>Bearer token for a protected backend (or set ENRICHMENT_MONITOR_TOKEN).</source>
        <translation>Token bearer para un backend protegido (o defina ENRICHMENT_MONITOR_TOKEN).</translation>
    </message>
    <message>
        <source>Headless: wait for data, write every chart as PNG, SVG and CSV plus dashboard.png into DIR, exit.</source>
        <translation>Sin ventana: esperar datos, escribir cada gráfico como PNG, SVG y CSV más dashboard.png en DIR, salir.</translation>
    </message>
    <message>
        <source>Seconds --export waits for data (default 30).</source>
        <translation>Segundos que --export espera datos (por defecto 30).</translation>
    </message>
    <message>
        <source>User interface language (en, de, es); default: the system&apos;s.</source>
        <translation>Idioma de la interfaz (en, de, es); por defecto, el del sistema.</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>argumento inesperado: %1</translation>
    </message>
    <message>
        <source>--url needs an http(s) URL, got &quot;%1&quot;</source>
        <translation>--url necesita una URL http(s), se recibió «%1»</translation>
    </message>
    <message>
        <source>--timeout must be an integer from 1 to 3600</source>
        <translation>--timeout debe ser un entero de 1 a 3600</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for an https:// backend, besides the system&apos;s.</source>
        <translation>Archivo PEM con certificados de CA en los que confiar para un backend https://, además de los del sistema.</translation>
    </message>
    <message>
        <source>List what the Alertmanager at URL says is firing, and notify it (API v2).</source>
        <translation>Muestra lo que el Alertmanager en URL indica como activo y lo notifica (API v2).</translation>
    </message>
    <message>
        <source>Bearer token for a protected Alertmanager (its proxy).</source>
        <translation>Token bearer para un Alertmanager protegido (su proxy).</translation>
    </message>
    <message>
        <source>Start in the system tray (minimized where there is no tray).</source>
        <translation>Iniciar en la bandeja del sistema (minimizado donde no la hay).</translation>
    </message>
    <message>
        <source>Read long history (30 days of success by weekday and hour) from the Prometheus at URL.</source>
        <translation>Leer el historial largo (30 días de éxito por día y hora) del Prometheus en URL.</translation>
    </message>
    <message>
        <source>Bearer token for a protected Prometheus (its proxy).</source>
        <translation>Token bearer para un Prometheus protegido (su proxy).</translation>
    </message>
    <message>
        <source>Span of the time charts --export writes: 15m, 1h (default), 6h, 24h, or with --prometheus also 7d, 30d.</source>
        <translation>Intervalo de los gráficos temporales que escribe --export: 15m, 1h (por defecto), 6h, 24h, o con --prometheus también 7d, 30d.</translation>
    </message>
    <message>
        <source>--range must be 15m, 1h, 6h, 24h, 7d or 30d, got &quot;%1&quot;</source>
        <translation>--range debe ser 15m, 1h, 6h, 24h, 7d o 30d; se recibió «%1»</translation>
    </message>
    <message>
        <source>--range 7d and 30d need --prometheus (the backend keeps a day)</source>
        <translation>--range 7d y 30d necesitan --prometheus (el backend guarda un día)</translation>
    </message>
    <message>
        <source>Watch the backend at URL (e.g. http://host:8020); starts nothing. Given more than once, each backend gets a tab.</source>
        <translation>Observar el backend en URL (p. ej. http://host:8020); no inicia nada. Si se indica varias veces, cada backend tiene su pestaña.</translation>
    </message>
    <message>
        <source>%1 needs an http(s) URL, got &quot;%2&quot;</source>
        <translation>%1 necesita una URL http(s); se recibió «%2»</translation>
    </message>
    <message>
        <source>%1 needs %2</source>
        <translation>%1 necesita %2</translation>
    </message>
    <message>
        <source>Seconds --export waits after the first data for the charts to fill (default 10; 0: write at once).</source>
        <translation>Segundos que --export espera tras los primeros datos a que se llenen los gráficos (10 por defecto; 0: escribir enseguida).</translation>
    </message>
    <message>
        <source>Let --export replace the files of an earlier export.</source>
        <translation>Permite que --export sustituya los archivos de una exportación anterior.</translation>
    </message>
    <message>
        <source>--wait must be an integer from 0 to 3600</source>
        <translation>--wait debe ser un entero de 0 a 3600</translation>
    </message>
    <message>
        <source>--wait and --overwrite need --export</source>
        <translation>--wait y --overwrite necesitan --export</translation>
    </message>
</context>
<context>
    <name>HeadlessExport</name>
    <message>
        <source>nothing arrived</source>
        <translation>no llegó nada</translation>
    </message>
    <message>
        <source>no data from %1 within %2 s: %3</source>
        <translation>sin datos de %1 en %2 s: %3</translation>
    </message>
    <message>
        <source>wrote %1 files to %2</source>
        <translation>se escribieron %1 archivos en %2</translation>
    </message>
    <message>
        <source>Prometheus at %1 had not finished answering within %2 s (the backend at %3 had); the long history is what was missing</source>
        <translation>Prometheus en %1 no terminó de responder en %2 s (el backend en %3 sí); faltaba el historial largo</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Not supported by this service: it has no operator endpoints (tracks, failures, actions).</source>
        <translation>Este servicio no lo admite: no tiene endpoints de operador (pistas, fallos, acciones).</translation>
    </message>
    <message>
        <source>Cop&amp;y CSV</source>
        <translation>Cop&amp;iar CSV</translation>
    </message>
    <message>
        <source>Copy the rows shown, as CSV</source>
        <translation>Copiar las filas mostradas como CSV</translation>
    </message>
    <message>
        <source>Sa&amp;ve CSV…</source>
        <translation>Guar&amp;dar CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Guardar las filas mostradas en un archivo CSV</translation>
    </message>
    <message>
        <source>Save CSV</source>
        <translation>Guardar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertCenter</name>
    <message>
        <source>Notification</source>
        <translation>Notificación</translation>
    </message>
    <message>
        <source>Muted for 1 h: %1</source>
        <translation>Silenciado durante 1 h: %1</translation>
    </message>
    <message>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <source>Alertmanager answers at %1</source>
        <translation>Alertmanager responde en %1</translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation>Notificaciones en pausa</translation>
    </message>
    <message>
        <source>Notifications resumed</source>
        <translation>Notificaciones reanudadas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertEngine</name>
    <message>
        <source>Circuit breaker of %1 is open</source>
        <translation>El circuit breaker de %1 está abierto</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is probing (half-open)</source>
        <translation>El circuit breaker de %1 está probando (semiabierto)</translation>
    </message>
    <message>
        <source>Calls to %1 are being refused; its tracks are enriched from the other sources.</source>
        <translation>Las llamadas a %1 se rechazan; sus pistas se enriquecen con las demás fuentes.</translation>
    </message>
    <message>
        <source>%1 is down</source>
        <translation>%1 está caída</translation>
    </message>
    <message>
        <source>Success in the last hour: %1 %.</source>
        <translation>Éxito en la última hora: %1 %.</translation>
    </message>
    <message>
        <source>The service reports the source as down.</source>
        <translation>El servicio indica que la fuente está caída.</translation>
    </message>
    <message>
        <source>%1 is close to its rate limit</source>
        <translation>%1 está cerca de su límite de tasa</translation>
    </message>
    <message>
        <source>%1 of %2 calls left (below %3 %).</source>
        <translation>Quedan %1 de %2 llamadas (menos del %3 %).</translation>
    </message>
    <message>
        <source>The queue drains slowly</source>
        <translation>La cola se vacía lentamente</translation>
    </message>
    <message>
        <source>%1 tracks pending; at the current rate they take %2 h (bound: %3 h).</source>
        <translation>%1 pistas pendientes; al ritmo actual tardan %2 h (límite: %3 h).</translation>
    </message>
    <message>
        <source>The queue keeps growing</source>
        <translation>La cola sigue creciendo</translation>
    </message>
    <message>
        <source>%1 tracks pending, %2 more than %3 minutes ago.</source>
        <translation>%1 pistas pendientes, %2 más que hace %3 minutos.</translation>
    </message>
    <message>
        <source>The pipeline is stuck</source>
        <translation>El pipeline está atascado</translation>
    </message>
    <message>
        <source>No track finished for %1 minutes while %2 are pending.</source>
        <translation>Ninguna pista terminó en %1 minutos con %2 pendientes.</translation>
    </message>
    <message>
        <source>The backend does not answer</source>
        <translation>El backend no responde</translation>
    </message>
    <message>
        <source>No connection for %1 s; the dashboard keeps retrying.</source>
        <translation>Sin conexión desde hace %1 s; el panel sigue reintentando.</translation>
    </message>
    <message>
        <source>Alert %1 is firing</source>
        <translation>La alerta %1 está activa</translation>
    </message>
    <message>
        <source>Alert %1 is firing for %2</source>
        <translation>La alerta %1 está activa para %2</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 is closed again</source>
        <translation>El circuit breaker de %1 vuelve a estar cerrado</translation>
    </message>
    <message>
        <source>%1 has recovered</source>
        <translation>%1 se ha recuperado</translation>
    </message>
    <message>
        <source>The backend answers again</source>
        <translation>El backend vuelve a responder</translation>
    </message>
    <message>
        <source>Resolved: %1</source>
        <translation>Resuelto: %1</translation>
    </message>
    <message>
        <source>It stayed clear for %1 s.</source>
        <translation>Se mantuvo normal durante %1 s.</translation>
    </message>
    <message numerus="yes">
        <source>%n problems at once</source>
        <translation>
            <numerusform>%n problema a la vez</numerusform>
            <numerusform>%n problemas a la vez</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems resolved</source>
        <translation>
            <numerusform>%n problema resuelto</numerusform>
            <numerusform>%n problemas resueltos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 stopped answering</source>
        <translation>%1 ha dejado de responder</translation>
    </message>
    <message>
        <source>The worker missed its heartbeats; its tracks in flight go back to pending when their leases expire.</source>
        <translation>El worker no envió sus latidos; sus pistas en curso vuelven a pendientes cuando caducan sus concesiones.</translation>
    </message>
    <message>
        <source>The worker on %1 missed its heartbeats; its tracks in flight go back to pending when their leases expire.</source>
        <translation>El worker en %1 no envió sus latidos; sus pistas en curso vuelven a pendientes cuando caducan sus concesiones.</translation>
    </message>
    <message>
        <source>%1 answers again</source>
        <translation>%1 vuelve a responder</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 needs an operator</source>
        <translation>El circuit breaker de %1 necesita un operador</translation>
    </message>
    <message>
        <source>It reopened %1 times in a row and no longer probes by itself. Close it once %2 is back, or probe it now (Sources tab).</source>
        <translation>Se reabrió %1 veces seguidas y ya no prueba por sí solo. Ciérrelo cuando %2 vuelva, o pruébelo ahora (pestaña Fuentes).</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 no longer waits for an operator</source>
        <translation>El circuit breaker de %1 ya no espera a un operador</translation>
    </message>
    <message>
        <source>%1 against %2 expected at this hour (%3).</source>
        <translation>%1 frente a %2 esperado a esta hora (%3).</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 may open in about %2 min</source>
        <translation>El circuit breaker de %1 puede abrirse en unos %2 min</translation>
    </message>
    <message>
        <source>Circuit breaker of %1 may open within the hour</source>
        <translation>El circuit breaker de %1 puede abrirse en la próxima hora</translation>
    </message>
    <message>
        <source>%1 of the pipeline is unusual</source>
        <translation>%1 de la canalización es inusual</translation>
    </message>
    <message>
        <source>%1 of %2 is unusual</source>
        <translation>%1 de %2 es inusual</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertmanagerClient</name>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 respondió HTTP %2</translation>
    </message>
    <message>
        <source>%1 sent what is not an alert list: %2</source>
        <translation>%1 envió algo que no es una lista de alertas: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::AlertsPanel</name>
    <message>
        <source>Asking Alertmanager at %1 …</source>
        <translation>Consultando el Alertmanager en %1 …</translation>
    </message>
    <message>
        <source>%1 — showing what it said last</source>
        <translation>%1 — se muestra su última respuesta</translation>
    </message>
    <message>
        <source>Alertmanager at %1: nothing is firing</source>
        <translation>Alertmanager en %1: nada está activo</translation>
    </message>
    <message numerus="yes">
        <source>Alertmanager at %1: %n firing</source>
        <translation>
            <numerusform>Alertmanager en %1: %n activa</numerusform>
            <numerusform>Alertmanager en %1: %n activas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dashboard::AnomalyChart</name>
    <message>
        <source>Anomalies</source>
        <translation>Anomalías</translation>
    </message>
    <message>
        <source>Whose figure</source>
        <translation>De quién</translation>
    </message>
    <message>
        <source>Which figure</source>
        <translation>Qué métrica</translation>
    </message>
    <message>
        <source>Expected band</source>
        <translation>Banda esperada</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observado</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalía</translation>
    </message>
    <message>
        <source>No data yet
The band needs 15 minutes of live samples, or start with --prometheus URL for a seasonal baseline from 30 days.</source>
        <translation>Aún no hay datos
La banda necesita 15 minutos de muestras en vivo, o inicie con --prometheus URL para una base estacional de 30 días.</translation>
    </message>
    <message>
        <source>No data
Waiting for 30 days of history from Prometheus.</source>
        <translation>Sin datos
Esperando 30 días de historial de Prometheus.</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Canalización</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… y %1 más</translation>
    </message>
    <message>
        <source>No anomaly now (%1 in the last 24 h).</source>
        <translation>Ninguna anomalía ahora (%1 en las últimas 24 h).</translation>
    </message>
    <message>
        <source>Expected: %1</source>
        <translation>Esperado: %1</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>canalización</translation>
    </message>
    <message>
        <source>%1: success %</source>
        <translation>%1: éxito %</translation>
    </message>
    <message>
        <source>%1: p95 ms</source>
        <translation>%1: p95 ms</translation>
    </message>
    <message>
        <source>%1: calls / min</source>
        <translation>%1: llamadas / min</translation>
    </message>
    <message>
        <source>%1: tracks / min</source>
        <translation>%1: pistas / min</translation>
    </message>
</context>
<context>
    <name>dashboard::AnomalyModel</name>
    <message>
        <source>Success rate</source>
        <translation>Tasa de éxito</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latencia p95</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Tasa de llamadas</translation>
    </message>
    <message>
        <source>Processing rate</source>
        <translation>Ritmo de procesamiento</translation>
    </message>
    <message>
        <source>Prometheus has no calls in the last 30 days</source>
        <translation>Prometheus no tiene llamadas en los últimos 30 días</translation>
    </message>
    <message>
        <source>seasonal baseline from 30 days of Prometheus history</source>
        <translation>base estacional de 30 días de historial de Prometheus</translation>
    </message>
    <message>
        <source>rolling baseline from %1 min of live samples</source>
        <translation>base móvil de %1 min de muestras en vivo</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>only this source: the provider&apos;s problem</source>
        <translation>solo esta fuente: problema del proveedor</translation>
    </message>
    <message>
        <source>most sources at once: ours</source>
        <translation>la mayoría de las fuentes a la vez: problema nuestro</translation>
    </message>
    <message>
        <source>the whole pipeline</source>
        <translation>toda la canalización</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>canalización</translation>
    </message>
    <message>
        <source>%1 · %2 %3 against %4 expected · %5</source>
        <translation>%1 · %2 %3 frente a %4 esperado · %5</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Métrica</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observado</translation>
    </message>
    <message>
        <source>Expected low</source>
        <translation>Mínimo esperado</translation>
    </message>
    <message>
        <source>Expected high</source>
        <translation>Máximo esperado</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Desviación</translation>
    </message>
</context>
<context>
    <name>dashboard::AttemptsModel</name>
    <message>
        <source>found data</source>
        <translation>encontró datos</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>What it said</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
</context>
<context>
    <name>dashboard::AuditModel</name>
    <message>
        <source>Parameters: %1
Result: %2</source>
        <translation>Parámetros: %1
Resultado: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Carried out by</source>
        <translation>Ejecutado por</translation>
    </message>
</context>
<context>
    <name>dashboard::AuditView</name>
    <message>
        <source>Every operator action on this backend (on a shared queue: the fleet&apos;s), newest first. Hover over one for its parameters and result.</source>
        <translation>Cada acción de operador en este backend (con una cola compartida: las de toda la flota), las más recientes primero. Pase el puntero sobre una para ver sus parámetros y su resultado.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No operator has acted yet.</source>
        <translation>Ningún operador ha actuado aún.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Entradas: %1.</translation>
    </message>
</context>
<context>
    <name>dashboard::BackendFeed</name>
    <message>
        <source>The backend refused the token (HTTP 401): check --token-file</source>
        <translation>El backend rechazó el token (HTTP 401): revise --token-file</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1</source>
        <translation>El backend respondió HTTP %1</translation>
    </message>
    <message>
        <source>The backend answered HTTP %1: %2</source>
        <translation>El backend respondió HTTP %1: %2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>No se puede contactar con %1: %2</translation>
    </message>
    <message>
        <source>The backend sent data the dashboard cannot read: %1</source>
        <translation>El backend envió datos que el panel no puede leer: %1</translation>
    </message>
    <message>
        <source>The backend sent a live message larger than %1 MiB; it was refused and the room is reconnecting</source>
        <translation>El backend envió un mensaje en vivo mayor de %1 MiB; se rechazó y la sala se está reconectando</translation>
    </message>
    <message>
        <source>The backend&apos;s answer to %1 is larger than %2 MiB; the dashboard did not read it</source>
        <translation>La respuesta del backend a %1 es mayor de %2 MiB; el panel no la leyó</translation>
    </message>
    <message>
        <source>The TLS certificate of %1 is not trusted: %2 (to trust a private CA, start with --ca-file)</source>
        <translation>El certificado TLS de %1 no es de confianza: %2 (para confiar en una CA privada, inicie con --ca-file)</translation>
    </message>
    <message>
        <source>The backend</source>
        <translation>El backend</translation>
    </message>
    <message>
        <source>The backend did not finish answering %1 within %2 s</source>
        <translation>El backend no terminó de responder a %1 en %2 s</translation>
    </message>
</context>
<context>
    <name>dashboard::CachePieChart</name>
    <message>
        <source>Hits</source>
        <translation>Aciertos</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Hits %1</source>
        <translation>Aciertos %1</translation>
    </message>
    <message>
        <source>Misses %1</source>
        <translation>Fallos %1</translation>
    </message>
    <message>
        <source>Hit ratio %1 %</source>
        <translation>Tasa de aciertos %1 %</translation>
    </message>
</context>
<context>
    <name>dashboard::CategoryBarChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
</context>
<context>
    <name>dashboard::CategoryTableModel</name>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
</context>
<context>
    <name>dashboard::ChartPanel</name>
    <message>
        <source>Export this chart</source>
        <translation>Exportar este gráfico</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Exportar %1</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>Guardar como &amp;PNG…</translation>
    </message>
    <message>
        <source>Save as &amp;SVG…</source>
        <translation>Guardar como &amp;SVG…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Guardar como &amp;CSV…</translation>
    </message>
    <message>
        <source>Copy &amp;image</source>
        <translation>Copiar &amp;imagen</translation>
    </message>
    <message>
        <source>Copy &amp;data (CSV)</source>
        <translation>Copiar &amp;datos (CSV)</translation>
    </message>
    <message>
        <source>No data
The backend does not report this yet.</source>
        <translation>Sin datos
El backend todavía no informa de esto.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Enrichment Monitor chart: %1</source>
        <translation>Gráfico de Enrichment Monitor: %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
</context>
<context>
    <name>dashboard::Connection</name>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionIndicator</name>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconectando en %n s</numerusform>
            <numerusform>Reconectando en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>todavía sin datos</translation>
    </message>
    <message>
        <source>stale: updated %1</source>
        <translation>desactualizado: actualizado %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>actualizado %1</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionList</name>
    <message>
        <source>A connection needs a name.</source>
        <translation>Una conexión necesita un nombre.</translation>
    </message>
    <message>
        <source>The URL must be http:// or https:// with a host.</source>
        <translation>La URL debe ser http:// o https:// con un host.</translation>
    </message>
    <message>
        <source>Put the token in a token file, not in the URL.</source>
        <translation>Ponga el token en un archivo de token, no en la URL.</translation>
    </message>
    <message>
        <source>Another connection has this name.</source>
        <translation>Otra conexión tiene este nombre.</translation>
    </message>
    <message>
        <source>The Prometheus URL must be http:// or https:// with a host.</source>
        <translation>La URL de Prometheus debe ser http:// o https:// con un host.</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionPage</name>
    <message>
        <source>Res&amp;ume Pipeline</source>
        <translation>Re&amp;anudar pipeline</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Close or probe a breaker, pause or resume a source (also: right-click the table)</source>
        <translation>Cerrar o sondear un breaker, pausar o reanudar una fuente (también: clic derecho en la tabla)</translation>
    </message>
    <message>
        <source>Right-click a source for its actions</source>
        <translation>Clic derecho en una fuente para ver sus acciones</translation>
    </message>
    <message>
        <source>No sources yet</source>
        <translation>Aún no hay fuentes</translation>
    </message>
    <message>
        <source>&amp;Close Circuit Breaker…</source>
        <translation>&amp;Cerrar circuit breaker…</translation>
    </message>
    <message>
        <source>Close the %1 breaker now: calls go to the source again</source>
        <translation>Cerrar ahora el breaker de %1: las llamadas vuelven a la fuente</translation>
    </message>
    <message>
        <source>&amp;Probe Now</source>
        <translation>&amp;Probar ahora</translation>
    </message>
    <message>
        <source>Let the next calls to %1 probe it now instead of at the timeout</source>
        <translation>Las próximas llamadas a %1 la prueban ahora en lugar de al vencer el tiempo</translation>
    </message>
    <message>
        <source>Breaker closed: nothing to close or probe</source>
        <translation>Breaker cerrado: nada que cerrar ni sondear</translation>
    </message>
    <message>
        <source>Breaker state unknown</source>
        <translation>Estado del breaker desconocido</translation>
    </message>
    <message>
        <source>&amp;Resume Source</source>
        <translation>&amp;Reanudar fuente</translation>
    </message>
    <message>
        <source>P&amp;ause Source…</source>
        <translation>P&amp;ausar fuente…</translation>
    </message>
    <message>
        <source>Let the pipeline ask %1 again</source>
        <translation>El pipeline vuelve a consultar %1</translation>
    </message>
    <message>
        <source>Skip %1 in the waterfall until resumed</source>
        <translation>Omitir %1 en la cascada hasta reanudarla</translation>
    </message>
    <message>
        <source>Actions: not supported by this service</source>
        <translation>Acciones: este servicio no las admite</translation>
    </message>
    <message>
        <source>The pipeline is paused by an operator: workers finish their batches and claim no tracks until it is resumed.</source>
        <translation>Un operador pausó el pipeline: los workers terminan sus lotes y no toman pistas hasta que se reanude.</translation>
    </message>
    <message>
        <source>Paused sources (skipped by the waterfall): %1.</source>
        <translation>Fuentes pausadas (la cascada las omite): %1.</translation>
    </message>
    <message>
        <source>Res&amp;ume Sources</source>
        <translation>Re&amp;anudar fuentes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>no responde</translation>
    </message>
</context>
<context>
    <name>dashboard::ConnectionsDialog</name>
    <message>
        <source>Watch: open in a tab at start</source>
        <translation>Observar: abrir en una pestaña al iniciar</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>production</source>
        <translation>producción</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Choose the token file</source>
        <translation>Elegir el archivo de token</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>Archivo de &amp;token:</translation>
    </message>
    <message>
        <source>The token stays in its file; only the file&apos;s path is kept.</source>
        <translation>El token se queda en su archivo; solo se guarda la ruta.</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Archivo de token</translation>
    </message>
    <message>
        <source>Backend %1</source>
        <translation>Backend %1</translation>
    </message>
    <message>
        <source>%1 (not watched)</source>
        <translation>%1 (no observado)</translation>
    </message>
    <message>
        <source>optional: its Prometheus, for long history</source>
        <translation>opcional: su Prometheus, para el historial largo</translation>
    </message>
    <message>
        <source>&amp;Prometheus:</source>
        <translation>&amp;Prometheus:</translation>
    </message>
    <message>
        <source>Prometheus to&amp;ken file:</source>
        <translation>Archivo de to&amp;ken de Prometheus:</translation>
    </message>
    <message>
        <source>Also watched now, from the command line (--url, not saved here): %1</source>
        <translation>También vigilados ahora, desde la línea de órdenes (--url, no guardados aquí): %1</translation>
    </message>
    <message>
        <source>Connect to Backend</source>
        <translation>Conectar a un backend</translation>
    </message>
    <message>
        <source>URL of a backend that serves /monitoring/enrichment:</source>
        <translation>URL de un backend que sirva /monitoring/enrichment:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL.</source>
        <translation>«%1» no es una URL http(s).</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardApp</name>
    <message>
        <source>cannot start the embedded backend: %1</source>
        <translation>no se puede iniciar el backend integrado: %1</translation>
    </message>
    <message>
        <source>Embedded demo backend at %1 (simulated sources)</source>
        <translation>Backend de demostración integrado en %1 (fuentes simuladas)</translation>
    </message>
    <message>
        <source>Backend at %1</source>
        <translation>Backend en %1</translation>
    </message>
    <message>
        <source>interrupted by signal %1</source>
        <translation>interrumpido por la señal %1</translation>
    </message>
    <message>
        <source>cannot read CA file %1: %2</source>
        <translation>no se puede leer el archivo de CA %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 no contiene ningún certificado PEM</translation>
    </message>
    <message>
        <source>Backend %1 at %2</source>
        <translation>Backend %1 en %2</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>%1: its token file cannot be used, watching without a token: %2 (fix it in File &gt; Connections)</source>
        <translation>%1: su archivo de token no se puede usar, se observa sin token: %2 (corríjalo en Archivo &gt; Conexiones)</translation>
    </message>
    <message>
        <source>%1: no long history: %2 (fix it in File &gt; Connections)</source>
        <translation>%1: sin historial largo: %2 (corríjalo en Archivo &gt; Conexiones)</translation>
    </message>
    <message>
        <source>its token file cannot be used, watching without a token: %1 (fix it in File &gt; Connections)</source>
        <translation>su archivo de token no se puede usar, se observa sin token: %1 (corríjalo en Archivo &gt; Conexiones)</translation>
    </message>
    <message>
        <source>no long history: %1 (fix it in File &gt; Connections)</source>
        <translation>sin historial largo: %1 (corríjalo en Archivo &gt; Conexiones)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardExporter</name>
    <message>
        <source>Cannot create folder %1</source>
        <translation>No se puede crear la carpeta %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Enrichment Monitor dashboard</source>
        <translation>Panel de Enrichment Monitor</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>%1 exists already; not replaced</source>
        <translation>%1 ya existe; no se sustituye</translation>
    </message>
    <message>
        <source>%1 and %2 more files exist already; not replaced</source>
        <translation>%1 y %2 archivos más ya existen; no se sustituyen</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardModels</name>
    <message>
        <source>Tracks</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>Tracks per minute</source>
        <translation>Pistas por minuto</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>State level</source>
        <translation>Nivel de estado</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Último fallo</translation>
    </message>
    <message>
        <source>Next probe (s)</source>
        <translation>Próxima prueba (s)</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Última hora</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Remaining %</source>
        <translation>Restante %</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Resets at</source>
        <translation>Se reinicia a las</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Tiempo agotado</translation>
    </message>
    <message>
        <source>HTTP 429</source>
        <translation>HTTP 429</translation>
    </message>
    <message>
        <source>HTTP 5xx</source>
        <translation>HTTP 5xx</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Parse</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <source>Circuit open</source>
        <translation>Circuito abierto</translation>
    </message>
    <message>
        <source>Quota spent</source>
        <translation>Cuota agotada</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Health level</source>
        <translation>Nivel de salud</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <source>Coverage %</source>
        <translation>Cobertura %</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Aciertos</translation>
    </message>
    <message>
        <source>Misses</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Sets</source>
        <translation>Escrituras</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errores</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardView</name>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Incident log</source>
        <translation>Registro de incidentes</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Gráficos</translation>
    </message>
    <message>
        <source>1 more source not shown (the dashboard shows at most %1)</source>
        <translation>1 fuente más no se muestra (el panel muestra como máximo %1)</translation>
    </message>
    <message>
        <source>%1 more sources not shown (the dashboard shows at most %2)</source>
        <translation>%1 fuentes más no se muestran (el panel muestra como máximo %2)</translation>
    </message>
    <message>
        <source>Circuit breaker %1</source>
        <translation>Cortacircuitos %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <source>Paused by an operator: the pipeline skips it</source>
        <translation>Pausada por un operador: el pipeline la omite</translation>
    </message>
    <message>
        <source>Source A&amp;ctions</source>
        <translation>A&amp;cciones de fuente</translation>
    </message>
    <message>
        <source>No data
The backend is out of reach; waiting for it to answer.</source>
        <translation>Sin datos
El backend no está al alcance; esperando su respuesta.</translation>
    </message>
    <message>
        <source>No data yet
Waiting for the backend&apos;s first answer.</source>
        <translation>Aún sin datos
Esperando la primera respuesta del backend.</translation>
    </message>
    <message>
        <source>The backend is out of reach since %1: what is shown is the last known, not live; actions wait until it is back.</source>
        <translation>El backend no está al alcance desde %1: lo mostrado es lo último conocido, no en vivo; las acciones esperan a que vuelva.</translation>
    </message>
    <message>
        <source>Sources — calls of the fleet&apos;s live workers; breakers of worker %1</source>
        <translation>Fuentes — llamadas de los workers activos de la flota; breakers del worker %1</translation>
    </message>
    <message>
        <source>Sources — calls of the fleet&apos;s live workers; breakers: the worst state among them</source>
        <translation>Fuentes — llamadas de los workers activos de la flota; breakers: el peor estado entre ellos</translation>
    </message>
</context>
<context>
    <name>dashboard::DashboardWindow</name>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Actualizar ahora</translation>
    </message>
    <message>
        <source>Fetch the latest numbers now (F5, Ctrl+R)</source>
        <translation>Obtener ahora las cifras más recientes (F5, Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation>Actualización &amp;automática</translation>
    </message>
    <message>
        <source>Poll the backend on a timer as well as on live events</source>
        <translation>Consultar el backend periódicamente además de con los eventos en vivo</translation>
    </message>
    <message>
        <source>Auto-refresh interval</source>
        <translation>Intervalo de actualización automática</translation>
    </message>
    <message numerus="yes">
        <source>every %n s</source>
        <translation>
            <numerusform>cada %n s</numerusform>
            <numerusform>cada %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>cada minuto</numerusform>
            <numerusform>cada %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>C&amp;onnect to Backend…</source>
        <translation>C&amp;onectar a un backend…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>pistas</translation>
    </message>
    <message>
        <source>Queue overview</source>
        <translation>Resumen de la cola</translation>
    </message>
    <message>
        <source>Processing rate</source>
        <translation>Ritmo de procesamiento</translation>
    </message>
    <message>
        <source>tracks / min</source>
        <translation>pistas / min</translation>
    </message>
    <message>
        <source>Circuit breaker states</source>
        <translation>Estados de los cortacircuitos</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Success rate by source</source>
        <translation>Tasa de éxito por fuente</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency p50 / p95 / p99</source>
        <translation>Latencia p50 / p95 / p99</translation>
    </message>
    <message>
        <source>API rate limits</source>
        <translation>Límites de tasa de las API</translation>
    </message>
    <message>
        <source>Error breakdown</source>
        <translation>Errores por tipo</translation>
    </message>
    <message>
        <source>Source health</source>
        <translation>Salud de las fuentes</translation>
    </message>
    <message>
        <source>Cache performance</source>
        <translation>Rendimiento de la caché</translation>
    </message>
    <message>
        <source>% of enriched tracks</source>
        <translation>% de pistas enriquecidas</translation>
    </message>
    <message>
        <source>Metadata field coverage</source>
        <translation>Cobertura de campos de metadatos</translation>
    </message>
    <message>
        <source>Queue depth over time</source>
        <translation>Profundidad de la cola en el tiempo</translation>
    </message>
    <message>
        <source>% left</source>
        <translation>% restante</translation>
    </message>
    <message>
        <source>&amp;Notifications…</source>
        <translation>&amp;Notificaciones…</translation>
    </message>
    <message>
        <source>&amp;Pause Notifications</source>
        <translation>&amp;Pausar notificaciones</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <source>Co&amp;nnections…</source>
        <translation>Co&amp;nexiones…</translation>
    </message>
    <message>
        <source>Named backends to watch side by side</source>
        <translation>Backends con nombre para observar lado a lado</translation>
    </message>
    <message>
        <source>Backend at %1</source>
        <translation>Backend en %1</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>errors since start</source>
        <translation>errores desde el inicio</translation>
    </message>
    <message>
        <source>&amp;Next View</source>
        <translation>Vista &amp;siguiente</translation>
    </message>
    <message>
        <source>P&amp;revious View</source>
        <translation>Vista &amp;anterior</translation>
    </message>
    <message>
        <source>Next &amp;Backend</source>
        <translation>&amp;Backend siguiente</translation>
    </message>
    <message>
        <source>Previous B&amp;ackend</source>
        <translation>Bac&amp;kend anterior</translation>
    </message>
</context>
<context>
    <name>dashboard::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Mute for 1 h</source>
        <translation>Silenciar 1 h</translation>
    </message>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
</context>
<context>
    <name>dashboard::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
</context>
<context>
    <name>dashboard::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Cortacircuitos</translation>
    </message>
    <message>
        <source>%1: %2 → %3 (failures in a row: %4)</source>
        <translation>%1: %2 → %3 (fallos seguidos: %4)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <comment>source on worker</comment>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>retried tracks by id: %1 back to pending</source>
        <translation>reintentó pistas por id: %1 de nuevo pendientes</translation>
    </message>
    <message>
        <source>retried every failed and partial track: %1 back to pending</source>
        <translation>reintentó todas las pistas fallidas y parciales: %1 de nuevo pendientes</translation>
    </message>
    <message>
        <source>retried tracks (%1): %2 back to pending</source>
        <translation>reintentó pistas (%1): %2 de nuevo pendientes</translation>
    </message>
    <message>
        <source>closed the %1 circuit breaker</source>
        <translation>cerró el circuit breaker de %1</translation>
    </message>
    <message>
        <source>asked the %1 circuit breaker to probe now</source>
        <translation>pidió al circuit breaker de %1 probar ahora</translation>
    </message>
    <message>
        <source>paused the pipeline</source>
        <translation>pausó el pipeline</translation>
    </message>
    <message>
        <source>paused source %1</source>
        <translation>pausó la fuente %1</translation>
    </message>
    <message>
        <source>resumed the pipeline</source>
        <translation>reanudó el pipeline</translation>
    </message>
    <message>
        <source>resumed source %1</source>
        <translation>reanudó la fuente %1</translation>
    </message>
    <message>
        <source>enqueued tracks: %1 new</source>
        <translation>encoló pistas: %1 nuevas</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>An operator</source>
        <translation>Un operador</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>%1 (carried out by backend %2)</source>
        <translation>%1 (ejecutado por el backend %2)</translation>
    </message>
</context>
<context>
    <name>dashboard::EventLogView</name>
    <message>
        <source>Incident log</source>
        <translation>Registro de incidentes</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Cortacircuitos</translation>
    </message>
</context>
<context>
    <name>dashboard::ExportFlow</name>
    <message>
        <source>&amp;Export Dashboard…</source>
        <translation>&amp;Exportar panel…</translation>
    </message>
    <message>
        <source>&amp;Copy Dashboard Image</source>
        <translation>&amp;Copiar imagen del panel</translation>
    </message>
    <message>
        <source>Save every chart and the whole dashboard as PNG, SVG and CSV (Ctrl+E)</source>
        <translation>Guardar cada gráfico y el panel completo como PNG, SVG y CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>Dashboard image copied</source>
        <translation>Imagen del panel copiada</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>¿Sustituir archivos?</translation>
    </message>
    <message numerus="yes">
        <source>The folder has %n file(s) of an earlier export (%1). Replace them?</source>
        <translation>
            <numerusform>La carpeta tiene %n archivo de una exportación anterior (%1). ¿Sustituirlo?</numerusform>
            <numerusform>La carpeta tiene %n archivos de una exportación anterior (%1). ¿Sustituirlos?</numerusform>
        </translation>
    </message>
    <message>
        <source>Export dashboard to folder</source>
        <translation>Exportar el panel a una carpeta</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exportar gráfico</translation>
    </message>
    <message>
        <source>There is no dashboard to export</source>
        <translation>No hay ningún panel que exportar</translation>
    </message>
    <message>
        <source>Files exported to %1: %2</source>
        <translation>Archivos exportados a %1: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Error al exportar</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>Imagen SVG (*.svg)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>Tabla CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
</context>
<context>
    <name>dashboard::FailuresModel</name>
    <message>
        <source>Tracks %1 with %2 at %3: %4</source>
        <translation>Pistas %1 con %2 en %3: %4</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Ejemplos</translation>
    </message>
    <message>
        <source>no error: not found</source>
        <translation>sin error: no encontrada</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>dashboard::FailuresView</name>
    <message>
        <source>&amp;Show Tracks</source>
        <translation>&amp;Mostrar pistas</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Retry every track of the selected group</source>
        <translation>Reintentar todas las pistas del grupo elegido</translation>
    </message>
    <message>
        <source>No failed or partial tracks.</source>
        <translation>No hay pistas fallidas ni parciales.</translation>
    </message>
    <message>
        <source>Failed or partial tracks: %1, grouped by status, error and source. Retry a group once its source is healthy again.</source>
        <translation>Pistas fallidas o parciales: %1, agrupadas por estado, error y fuente. Reintente un grupo cuando su fuente vuelva a estar sana.</translation>
    </message>
    <message>
        <source>Retry &amp;Group…</source>
        <translation>Reintentar &amp;grupo…</translation>
    </message>
</context>
<context>
    <name>dashboard::FiringAlertsModel</name>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>pipeline</source>
        <translation>pipeline</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowChart</name>
    <message>
        <source>Flow through the waterfall</source>
        <translation>Flujo por la cascada</translation>
    </message>
    <message>
        <source>Time shown</source>
        <translation>Hora mostrada</translation>
    </message>
    <message>
        <source>Drag back to replay the flow; at the right end it is live</source>
        <translation>Arrastre hacia atrás para repetir el flujo; en el extremo derecho es en vivo</translation>
    </message>
    <message>
        <source>newest (5-minute steps from Prometheus)</source>
        <translation>lo más reciente (pasos de 5 minutos de Prometheus)</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en vivo</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowModel</name>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Per minute</source>
        <translation>Por minuto</translation>
    </message>
    <message>
        <source>Error share</source>
        <translation>Proporción de errores</translation>
    </message>
</context>
<context>
    <name>dashboard::FlowView</name>
    <message>
        <source>No flow yet
The rates need a few seconds of snapshots.</source>
        <translation>Aún no hay flujo
Las tasas necesitan unos segundos de instantáneas.</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 pendientes</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · en pausa</translation>
    </message>
    <message>
        <source>%1 /min · %2 % err</source>
        <translation>%1 /min · %2 % err</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>let pass</source>
        <translation>dejado pasar</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 ms</translation>
    </message>
    <message>
        <source>Queue: %1 tracks pending</source>
        <translation>Cola: %1 pistas pendientes</translation>
    </message>
    <message>
        <source>%1: %2 tracks a minute</source>
        <translation>%1: %2 pistas por minuto</translation>
    </message>
    <message>
        <source>Answered %1 /min: %2 with data, %3 without, %4 errors (%5 %)</source>
        <translation>Respondidas %1 /min: %2 con datos, %3 sin, %4 errores (%5 %)</translation>
    </message>
    <message>
        <source>Let pass without a call: %1 /min (breaker open or quota spent)</source>
        <translation>Dejadas pasar sin llamada: %1 /min (breaker abierto o cuota agotada)</translation>
    </message>
    <message>
        <source>Breaker: %1</source>
        <translation>Breaker: %1</translation>
    </message>
    <message>
        <source>Quota left: %1 %</source>
        <translation>Cuota restante: %1 %</translation>
    </message>
    <message>
        <source>Paused by an operator</source>
        <translation>En pausa por un operador</translation>
    </message>
</context>
<context>
    <name>dashboard::Forecast</name>
    <message>
        <source>no samples yet</source>
        <translation>aún no hay muestras</translation>
    </message>
    <message>
        <source>too many steps</source>
        <translation>demasiados pasos</translation>
    </message>
    <message>
        <source>needs %1 minutes of history</source>
        <translation>necesita %1 minutos de historial</translation>
    </message>
</context>
<context>
    <name>dashboard::ForecastChart</name>
    <message>
        <source>Backlog forecast</source>
        <translation>Previsión de la cola pendiente</translation>
    </message>
    <message>
        <source>pending tracks</source>
        <translation>pistas pendientes</translation>
    </message>
    <message>
        <source>95 % band</source>
        <translation>banda del 95 %</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observado</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>Previsión</translation>
    </message>
    <message>
        <source>No data
Waiting for the pending history from Prometheus.</source>
        <translation>Sin datos
Esperando el historial de pendientes de Prometheus.</translation>
    </message>
    <message>
        <source>No forecast yet
Waiting for the pending history from Prometheus.</source>
        <translation>Aún sin previsión
Esperando el historial de pendientes de Prometheus.</translation>
    </message>
    <message>
        <source>No forecast yet: %1
(%2)</source>
        <translation>Aún sin previsión: %1
(%2)</translation>
    </message>
</context>
<context>
    <name>dashboard::ForecastModel</name>
    <message>
        <source>No forecast: %1</source>
        <translation>Sin previsión: %1</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacía</translation>
    </message>
    <message>
        <source>Empty in ≈ %1 (at %2)</source>
        <translation>Vacía en ≈ %1 (a las %2)</translation>
    </message>
    <message>
        <source>Not draining: growing by %1 /h</source>
        <translation>No se vacía: crece %1 /h</translation>
    </message>
    <message>
        <source>Not draining: flat</source>
        <translation>No se vacía: estable</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>observado</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>previsión</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Low (95 %)</source>
        <translation>Mínimo (95 %)</translation>
    </message>
    <message>
        <source>High (95 %)</source>
        <translation>Máximo (95 %)</translation>
    </message>
    <message>
        <source>from %1 of Prometheus history</source>
        <translation>a partir de %1 de historial de Prometheus</translation>
    </message>
    <message>
        <source>from %1 of live samples</source>
        <translation>a partir de %1 de muestras en vivo</translation>
    </message>
    <message>
        <source> (Prometheus: %1)</source>
        <translation> (Prometheus: %1)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>dashboard::HealthBadge</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · en pausa</translation>
    </message>
    <message>
        <source>%1 · last known</source>
        <translation>%1 · último conocido</translation>
    </message>
    <message>
        <source>Not in the backend&apos;s sources configuration: never asked.</source>
        <translation>No está en la configuración de fuentes del backend: nunca se consulta.</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivada</translation>
    </message>
</context>
<context>
    <name>dashboard::HeatmapChart</name>
    <message>
        <source>Success by weekday and hour (30 days)</source>
        <translation>Éxito por día de la semana y hora (30 días)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Source of the heatmap</source>
        <translation>Fuente del mapa de calor</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Todas las fuentes</translation>
    </message>
    <message>
        <source>hour of day</source>
        <translation>hora del día</translation>
    </message>
    <message>
        <source>50–80 %</source>
        <translation>50–80 %</translation>
    </message>
    <message>
        <source>80–90 %</source>
        <translation>80–90 %</translation>
    </message>
    <message>
        <source>90–97 %</source>
        <translation>90–97 %</translation>
    </message>
    <message>
        <source>No data
Start with --prometheus URL to see 30 days of history.</source>
        <translation>Sin datos
Inicie con --prometheus URL para ver 30 días de historial.</translation>
    </message>
    <message>
        <source>Asking Prometheus …</source>
        <translation>Consultando Prometheus …</translation>
    </message>
    <message>
        <source>No data
Prometheus has no requests of this source in the last 30 days.</source>
        <translation>Sin datos
Prometheus no tiene solicitudes de esta fuente en los últimos 30 días.</translation>
    </message>
    <message>
        <source>No data
%1</source>
        <translation>Sin datos
%1</translation>
    </message>
    <message>
        <source>under 50 %</source>
        <translation>menos del 50 %</translation>
    </message>
    <message>
        <source>97 % and over</source>
        <translation>97 % o más</translation>
    </message>
</context>
<context>
    <name>dashboard::HeatmapModel</name>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
</context>
<context>
    <name>dashboard::HelpMenu</name>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>A&amp;tajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts of Enrichment Monitor</source>
        <translation>Atajos de teclado de Enrichment Monitor</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Documentación</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentación</translation>
    </message>
    <message>
        <source>The documentation comes with the program&apos;s sources, in the docs/ folder: OPERATIONS.md (running the stack, what each alert means, acting on the pipeline), SCALING.md (many workers), PROTOCOL.md (what the backend serves). enrichment-monitor --help lists the command line.</source>
        <translation>La documentación acompaña a las fuentes del programa, en la carpeta docs/: OPERATIONS.md (puesta en marcha, qué significa cada alerta, cómo actuar sobre el pipeline), SCALING.md (muchos workers), PROTOCOL.md (lo que sirve el backend). enrichment-monitor --help lista la línea de órdenes.</translation>
    </message>
    <message>
        <source>&amp;About Enrichment Monitor</source>
        <translation>&amp;Acerca de Enrichment Monitor</translation>
    </message>
    <message>
        <source>About Enrichment Monitor</source>
        <translation>Acerca de Enrichment Monitor</translation>
    </message>
    <message>
        <source>&lt;b&gt;Enrichment Monitor&lt;/b&gt; %1&lt;br&gt;Live monitoring of the music-metadata enrichment pipeline.&lt;br&gt;Licensed under the GNU GPL, version 3 or later.</source>
        <translation>&lt;b&gt;Enrichment Monitor&lt;/b&gt; %1&lt;br&gt;Supervisión en vivo de la canalización de enriquecimiento de metadatos musicales.&lt;br&gt;Con licencia GNU GPL, versión 3 o posterior.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Alt + underlined letter: the button or menu with that letter</source>
        <translation>Alt + letra subrayada: el botón o menú con esa letra</translation>
    </message>
</context>
<context>
    <name>dashboard::HttpFetch</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>%1 sent an answer larger than %2 MiB; it was not read</source>
        <translation>%1 envió una respuesta de más de %2 MiB; no se leyó</translation>
    </message>
    <message>
        <source>%1 did not finish answering within %2 s</source>
        <translation>%1 no terminó de responder en %2 s</translation>
    </message>
    <message>
        <source>the TLS certificate of %1 is not trusted: %2</source>
        <translation>el certificado TLS de %1 no es de confianza: %2</translation>
    </message>
    <message>
        <source>%1 does not answer: %2</source>
        <translation>%1 no responde: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::IncidentRecorder</name>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Live: connected to %1</source>
        <translation>En vivo: conectado a %1</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting</source>
        <translation>Conexión perdida; reconectando</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>The backend answers again</source>
        <translation>El backend vuelve a responder</translation>
    </message>
</context>
<context>
    <name>dashboard::MetadataModel</name>
    <message>
        <source>ISRC</source>
        <translation>ISRC</translation>
    </message>
    <message>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tonalidad</translation>
    </message>
    <message>
        <source>Spotify ID</source>
        <translation>ID de Spotify</translation>
    </message>
    <message>
        <source>MusicBrainz ID</source>
        <translation>ID de MusicBrainz</translation>
    </message>
    <message>
        <source>Discogs ID</source>
        <translation>ID de Discogs</translation>
    </message>
    <message>
        <source>Beatport ID</source>
        <translation>ID de Beatport</translation>
    </message>
    <message>
        <source>Genre</source>
        <translation>Género</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Sello</translation>
    </message>
    <message>
        <source>Release date</source>
        <translation>Fecha de publicación</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
</context>
<context>
    <name>dashboard::NotificationSettingsDialog</name>
    <message>
        <source>Notification Settings</source>
        <translation>Configuración de notificaciones</translation>
    </message>
    <message>
        <source>Notify when</source>
        <translation>Notificar cuando</translation>
    </message>
    <message>
        <source>below </source>
        <translation>menos del </translation>
    </message>
    <message>
        <source> % of the quota</source>
        <translation> % de la cuota</translation>
    </message>
    <message>
        <source>drain over </source>
        <translation>vaciado en más de </translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>or growing for </source>
        <translation>o creciendo durante </translation>
    </message>
    <message>
        <source>for </source>
        <translation>durante </translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>for more than </source>
        <translation>durante más de </translation>
    </message>
    <message>
        <source>A circuit breaker opens (and closes again)</source>
        <translation>un circuit breaker se abre (y se vuelve a cerrar)</translation>
    </message>
    <message>
        <source>A source goes down (and recovers)</source>
        <translation>una fuente cae (y se recupera)</translation>
    </message>
    <message>
        <source>A source&apos;s rate limit runs low</source>
        <translation>el límite de tasa de una fuente se agota</translation>
    </message>
    <message>
        <source>The backlog drains too slowly</source>
        <translation>la cola pendiente se vacía demasiado lento</translation>
    </message>
    <message>
        <source>No track finishes while tracks are pending</source>
        <translation>ninguna pista termina habiendo pistas pendientes</translation>
    </message>
    <message>
        <source>The backend does not answer</source>
        <translation>El backend no responde</translation>
    </message>
    <message>
        <source>Alertmanager reports an alert firing</source>
        <translation>el Alertmanager indica una alerta activa</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Notify about the same problem at most every</source>
        <translation>Notificar el mismo problema como mucho cada</translation>
    </message>
    <message>
        <source>A problem counts as resolved after staying clear for</source>
        <translation>Un problema se da por resuelto tras estar normal durante</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> a la vez</translation>
    </message>
    <message>
        <source>One summary instead of separate notifications above</source>
        <translation>Un resumen en lugar de notificaciones separadas por encima de</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Seguir en la bandeja del sistema al cerrar la ventana</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Este escritorio no tiene bandeja del sistema</translation>
    </message>
    <message>
        <source>A notification&apos;s &quot;Mute for 1 h&quot; silences that one problem; the tray menu pauses all of them.</source>
        <translation>«Silenciar 1 h» en una notificación silencia ese problema; el menú de la bandeja las pausa todas.</translation>
    </message>
    <message>
        <source>A worker of the fleet stops answering (and comes back)</source>
        <translation>Un worker de la flota deja de responder (y vuelve)</translation>
    </message>
    <message>
        <source> (this desktop has no system tray)</source>
        <translation> (este escritorio no tiene bandeja del sistema)</translation>
    </message>
    <message>
        <source>A circuit breaker stops probing by itself and waits for an operator</source>
        <translation>un circuit breaker deja de probar por sí solo y espera a un operador</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>al menos </translation>
    </message>
    <message>
        <source> σ out</source>
        <translation> σ fuera</translation>
    </message>
    <message>
        <source>chance within 1 h at least </source>
        <translation>probabilidad en 1 h al menos </translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>How far from the expected value, in robust standard deviations; the band itself is 3.5</source>
        <translation>Cuánto se aleja del valor esperado, en desviaciones estándar robustas; la banda misma llega a 3,5</translation>
    </message>
    <message>
        <source>A source&apos;s figures leave their usual band</source>
        <translation>Las métricas de una fuente salen de su banda habitual</translation>
    </message>
    <message>
        <source>A circuit breaker is likely to open soon</source>
        <translation>Un circuit breaker probablemente se abrirá pronto</translation>
    </message>
</context>
<context>
    <name>dashboard::OperatorActions</name>
    <message>
        <source>The %1 action failed: %2</source>
        <translation>La acción %1 falló: %2</translation>
    </message>
    <message>
        <source>Your token may only read this backend; actions need an operator token</source>
        <translation>Su token solo puede leer este backend; las acciones requieren un token de operador</translation>
    </message>
    <message>
        <source>Not supported by this service</source>
        <translation>Este servicio no lo admite</translation>
    </message>
    <message>
        <source>Not connected to the backend yet</source>
        <translation>Aún sin conexión con el backend</translation>
    </message>
    <message>
        <source>Tracks to retry: %1 (%2, error %3 at %4).

They go back to pending with their retries reset.</source>
        <translation>Pistas a reintentar: %1 (%2, error %3 en %4).

Vuelven a pendientes con sus reintentos a cero.</translation>
    </message>
    <message>
        <source>Retry tracks</source>
        <translation>Reintentar pistas</translation>
    </message>
    <message>
        <source>Retry track %1?

If it failed or is partial it goes back to pending with its retries reset.</source>
        <translation>¿Reintentar la pista %1?

Si falló o es parcial, vuelve a pendiente con sus reintentos a cero.</translation>
    </message>
    <message>
        <source>Tracks to retry: %1.

Those that failed or are partial go back to pending with their retries reset; the others are left as they are.</source>
        <translation>Pistas a reintentar: %1.

Las fallidas o parciales vuelven a pendientes con sus reintentos a cero; las demás quedan como están.</translation>
    </message>
    <message>
        <source>Close circuit breaker</source>
        <translation>Cerrar circuit breaker</translation>
    </message>
    <message>
        <source>Close the %1 circuit breaker now?

Calls go to %1 again at once; if it still fails, the breaker opens again.</source>
        <translation>¿Cerrar ahora el circuit breaker de %1?

Las llamadas vuelven a %1 de inmediato; si sigue fallando, el breaker se abre de nuevo.</translation>
    </message>
    <message>
        <source>Pause pipeline</source>
        <translation>Pausar pipeline</translation>
    </message>
    <message>
        <source>Pause the whole pipeline?

Workers finish the batches in flight and then claim no tracks until it is resumed (pending now: %1).</source>
        <translation>¿Pausar todo el pipeline?

Los workers terminan los lotes en curso y no toman más pistas hasta que se reanude (pendientes ahora: %1).</translation>
    </message>
    <message>
        <source>Pause source</source>
        <translation>Pausar fuente</translation>
    </message>
    <message>
        <source>Pause %1?

The pipeline skips it until it is resumed; tracks are enriched from the other sources.</source>
        <translation>¿Pausar %1?

El pipeline la omite hasta reanudarla; las pistas se enriquecen con las demás fuentes.</translation>
    </message>
    <message>
        <source>%1 track ids is more than one request may carry (%2); enqueue them in parts</source>
        <translation>%1 ids de pistas son más de los que admite una petición (%2); encólelas por partes</translation>
    </message>
    <message>
        <source>Enqueue tracks</source>
        <translation>Encolar pistas</translation>
    </message>
    <message>
        <source>Tracks to enqueue: %1.

Those not in the queue yet are added as pending; those already there are left as they are.</source>
        <translation>Pistas a encolar: %1.

Las que aún no están en la cola se añaden como pendientes; las que ya están quedan como están.</translation>
    </message>
    <message>
        <source>The backend does not answer: actions wait until it is back</source>
        <translation>El backend no responde: las acciones esperan a que vuelva</translation>
    </message>
    <message>
        <source>Tracks to retry: %1 (%2, no source had them).

They go back to pending with their retries reset.</source>
        <translation>Pistas a reintentar: %1 (%2, ninguna fuente las tenía).

Vuelven a pendientes con sus reintentos a cero.</translation>
    </message>
    <message>
        <source>

Warning: the %1 circuit breaker is open now: these tracks will not be sent to %1 until it closes; close it first, or retry later.</source>
        <translation>

Atención: el circuit breaker de %1 está abierto: estas pistas no se enviarán a %1 hasta que se cierre; ciérrelo primero o reintente más tarde.</translation>
    </message>
    <message>
        <source>

This acts on all %1 live workers of the fleet, each on its own %2 breaker.</source>
        <translation>

Actúa sobre los %1 workers activos de la flota, cada uno sobre su propio breaker de %2.</translation>
    </message>
    <message>
        <source>Not a track list: %1</source>
        <translation>No es una lista de pistas: %1</translation>
    </message>
    <message>
        <source>%1 tracks is more than one request may carry (%2); enqueue them in parts</source>
        <translation>%1 pistas son más de las que admite una petición (%2); encólelas por partes</translation>
    </message>
    <message>
        <source>No row of the track list can be enqueued: %1</source>
        <translation>Ninguna fila de la lista de pistas se puede encolar: %1</translation>
    </message>
    <message>
        <source>Tracks to enqueue, with artist and title: %1.

Those not in the queue yet are added as pending; those already there keep their state and take the artist and title given.</source>
        <translation>Pistas para encolar, con artista y título: %1.

Las que aún no están en la cola se añaden como pendientes; las que ya están conservan su estado y toman el artista y el título dados.</translation>
    </message>
    <message>
        <source>

Rows skipped (%1):
</source>
        <translation>

Filas omitidas (%1):
</translation>
    </message>
</context>
<context>
    <name>dashboard::OperatorClient</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Pistas</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>not a track</source>
        <translation>no es una pista</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>The backend</source>
        <translation>El backend</translation>
    </message>
</context>
<context>
    <name>dashboard::PipelineActions</name>
    <message>
        <source>&amp;Pause Pipeline…</source>
        <translation>&amp;Pausar pipeline…</translation>
    </message>
    <message>
        <source>&amp;Enqueue Tracks…</source>
        <translation>&amp;Encolar pistas…</translation>
    </message>
    <message>
        <source>Enqueue Tracks</source>
        <translation>Encolar pistas</translation>
    </message>
    <message>
        <source>&amp;Resume Pipeline</source>
        <translation>&amp;Reanudar pipeline</translation>
    </message>
    <message>
        <source>Let the workers claim tracks again</source>
        <translation>Los workers vuelven a tomar pistas</translation>
    </message>
    <message>
        <source>Stop claiming tracks (batches in flight finish)</source>
        <translation>Dejar de tomar pistas (los lotes en curso terminan)</translation>
    </message>
    <message>
        <source>Track ids to add as pending, one per line, or a CSV track list with the header id,artist,title[,isrc][,duration_ms] (at most %1):</source>
        <translation>Ids de pistas para añadir como pendientes, una por línea, o una lista CSV con la cabecera id,artist,title[,isrc][,duration_ms] (como mucho %1):</translation>
    </message>
    <message>
        <source>Add tracks to the queue by id, or with artist and title</source>
        <translation>Añadir pistas a la cola por id, o con artista y título</translation>
    </message>
</context>
<context>
    <name>dashboard::PrometheusClient</name>
    <message>
        <source>No Prometheus configured (start with --prometheus URL)</source>
        <translation>No hay Prometheus configurado (inicie con --prometheus URL)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 respondió HTTP %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 respondió HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1 sent what is not a range answer: %2</source>
        <translation>%1 envió algo que no es una respuesta de rango: %2</translation>
    </message>
</context>
<context>
    <name>dashboard::SourcesModel</name>
    <message>
        <source>Healthy</source>
        <translation>Sana</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degradada</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Caída</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>No disponible</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Half-open</source>
        <translation>Semiabierto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierto</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>hace %n s</numerusform>
            <numerusform>hace %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>ahora</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Breaker</source>
        <translation>Cortacircuitos</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Último fallo</translation>
    </message>
    <message>
        <source>Next probe</source>
        <translation>Próxima prueba</translation>
    </message>
    <message>
        <source>Success 1 h</source>
        <translation>Éxito 1 h</translation>
    </message>
    <message>
        <source>Success 24 h</source>
        <translation>Éxito 24 h</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>Latencia p95</translation>
    </message>
    <message>
        <source>Rate limit left</source>
        <translation>Límite restante</translation>
    </message>
    <message>
        <source>%1 · paused</source>
        <translation>%1 · en pausa</translation>
    </message>
    <message>
        <source>Paused by an operator: the pipeline skips %1</source>
        <translation>Pausada por un operador: el pipeline omite %1</translation>
    </message>
    <message>
        <source>needs operator</source>
        <translation>necesita operador</translation>
    </message>
    <message>
        <source>Reopened %1 times in a row: it probes no more by itself. Close it once %2 is back, or have it probe now (Source Actions).</source>
        <translation>Reabierto %1 veces seguidas: ya no prueba por sí solo. Ciérrelo cuando %2 vuelva, o hágalo probar ahora (Acciones de fuente).</translation>
    </message>
    <message>
        <source>Trip forecast</source>
        <translation>Previsión de apertura</translation>
    </message>
</context>
<context>
    <name>dashboard::SourcesTable</name>
    <message>
        <source>Sources and circuit breakers</source>
        <translation>Fuentes y cortacircuitos</translation>
    </message>
</context>
<context>
    <name>dashboard::StatCard</name>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Last known value: the backend is out of reach</source>
        <translation>Último valor conocido: el backend no está al alcance</translation>
    </message>
    <message>
        <source> (last known)</source>
        <translation> (último conocido)</translation>
    </message>
</context>
<context>
    <name>dashboard::SummaryModel</name>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completadas</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidas</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Parciales</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <source>Time to drain</source>
        <translation>Tiempo hasta vaciar</translation>
    </message>
    <message>
        <source>tracks</source>
        <translation>pistas</translation>
    </message>
    <message>
        <source>%1 /min</source>
        <translation>%1 /min</translation>
    </message>
    <message>
        <source>%1 in the last hour</source>
        <translation>%1 en la última hora</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Vacía</translation>
    </message>
    <message>
        <source>nothing pending</source>
        <translation>nada pendiente</translation>
    </message>
    <message>
        <source>Not draining</source>
        <translation>No se vacía</translation>
    </message>
    <message>
        <source>no tracks finished recently</source>
        <translation>ninguna pista terminada recientemente</translation>
    </message>
    <message>
        <source>≈ %1</source>
        <translation>≈ %1</translation>
    </message>
    <message>
        <source>at the current rate</source>
        <translation>al ritmo actual</translation>
    </message>
    <message>
        <source>tracks, whole fleet</source>
        <translation>pistas, toda la flota</translation>
    </message>
    <message>
        <source>%1 in the last hour, whole fleet</source>
        <translation>%1 en la última hora, toda la flota</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>by an operator; nothing is claimed</source>
        <translation>por un operador; no se toma nada</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>Pendiente más antigua</translation>
    </message>
    <message>
        <source>waiting to be claimed</source>
        <translation>esperando a ser tomada</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>Midiendo…</translation>
    </message>
    <message>
        <source>%1 /min over the first %2 s</source>
        <translation>%1 /min en los primeros %2 s</translation>
    </message>
    <message>
        <source>%1 /min enqueued</source>
        <translation>%1 /min encoladas</translation>
    </message>
    <message>
        <source>the rate needs a minute</source>
        <translation>la tasa necesita un minuto</translation>
    </message>
</context>
<context>
    <name>dashboard::TimeSeriesChart</name>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>6 h</source>
        <translation>6 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>Time span shown</source>
        <translation>Intervalo mostrado</translation>
    </message>
    <message>
        <source>Time span of %1</source>
        <translation>Intervalo de %1</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>30 d</source>
        <translation>30 d</translation>
    </message>
    <message>
        <source>No data
Prometheus has no samples in this range.</source>
        <translation>Sin datos
Prometheus no tiene muestras en este intervalo.</translation>
    </message>
    <message>
        <source>No data
%1</source>
        <translation>Sin datos
%1</translation>
    </message>
    <message>
        <source>No data
The backend does not report this yet.</source>
        <translation>Sin datos
El backend aún no informa de esto.</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2: %3</translation>
    </message>
    <message>
        <source>Operator action</source>
        <translation>Acción de operador</translation>
    </message>
    <message>
        <source>Backend out of reach</source>
        <translation>Backend fuera de alcance</translation>
    </message>
    <message>
        <source>Pipeline paused</source>
        <translation>Pipeline en pausa</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalía</translation>
    </message>
</context>
<context>
    <name>dashboard::TimeSeriesModel</name>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
</context>
<context>
    <name>dashboard::TrackDetailDialog</name>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <source>Found by:</source>
        <translation>Encontrada por:</translation>
    </message>
    <message>
        <source>Last error:</source>
        <translation>Último error:</translation>
    </message>
    <message>
        <source>Attempts, newest first:</source>
        <translation>Intentos, los más recientes primero:</translation>
    </message>
    <message>
        <source>&amp;Retry Track…</source>
        <translation>&amp;Reintentar pista…</translation>
    </message>
    <message>
        <source>Send this track back to pending with its retries reset</source>
        <translation>Devolver esta pista a pendiente con sus reintentos a cero</translation>
    </message>
    <message>
        <source>Track %1</source>
        <translation>Pista %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>ninguna fuente</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Only a failed or partial track can be retried</source>
        <translation>Solo se puede reintentar una pista fallida o parcial</translation>
    </message>
    <message>
        <source>Retries:</source>
        <translation>Reintentos:</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Metadata it ended up with, each field from the first source that had it:</source>
        <translation>Metadatos obtenidos, cada campo de la primera fuente que lo tenía:</translation>
    </message>
    <message>
        <source>Fields found: %1 (this backend keeps no values)</source>
        <translation>Campos encontrados: %1 (este backend no guarda valores)</translation>
    </message>
    <message>
        <source>Metadata: none found yet</source>
        <translation>Metadatos: aún no se encontró ninguno</translation>
    </message>
    <message>
        <source>Looked up as:</source>
        <translation>Se busca como:</translation>
    </message>
    <message>
        <source>its id only (queued without artist and title)</source>
        <translation>solo su id (encolada sin artista ni título)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>ISRC %1</source>
        <translation>ISRC %1</translation>
    </message>
    <message>
        <source>Its way through the sources, last pass:</source>
        <translation>Su recorrido por las fuentes, última pasada:</translation>
    </message>
</context>
<context>
    <name>dashboard::TracksModel</name>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Retries</source>
        <translation>Reintentos</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Último intento</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Encontrada por</translation>
    </message>
    <message>
        <source>Error source</source>
        <translation>Fuente del error</translation>
    </message>
    <message>
        <source>due</source>
        <translation>pendiente ya</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>en %1</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Próximo intento</translation>
    </message>
</context>
<context>
    <name>dashboard::TracksView</name>
    <message>
        <source>Track id starts with…</source>
        <translation>El id de la pista empieza por…</translation>
    </message>
    <message>
        <source>Track id prefix</source>
        <translation>Prefijo del id de la pista</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Any error</source>
        <translation>Cualquier error</translation>
    </message>
    <message>
        <source>Source of the error</source>
        <translation>Fuente del error</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>Cargar &amp;más</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Retry the selected tracks that failed or are partial</source>
        <translation>Reintentar las pistas elegidas que fallaron o son parciales</translation>
    </message>
    <message>
        <source>No tracks match.</source>
        <translation>Ninguna pista coincide.</translation>
    </message>
    <message>
        <source>Tracks shown: %1; more match (Load More).</source>
        <translation>Pistas mostradas: %1; hay más (Cargar más).</translation>
    </message>
    <message>
        <source>Tracks: %1.</source>
        <translation>Pistas: %1.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Cualquier fuente</translation>
    </message>
    <message>
        <source>Retry S&amp;elected…</source>
        <translation>Reintentar s&amp;eleccionadas…</translation>
    </message>
</context>
<context>
    <name>dashboard::TrayIcon</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Refresh Now</source>
        <translation>&amp;Actualizar ahora</translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation>&amp;Pausar notificaciones</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Enrichment Monitor</source>
        <translation>Enrichment Monitor</translation>
    </message>
    <message>
        <source>Not connected to the backend</source>
        <translation>Sin conexión con el backend</translation>
    </message>
    <message>
        <source>All well</source>
        <translation>Todo en orden</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>y %n más</numerusform>
            <numerusform>y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications paused</source>
        <translation>Notificaciones en pausa</translation>
    </message>
</context>
<context>
    <name>dashboard::TripForecastChart</name>
    <message>
        <source>Breaker-trip forecast</source>
        <translation>Previsión de apertura de breakers</translation>
    </message>
    <message>
        <source>unlikely (under 20 %)</source>
        <translation>improbable (menos del 20 %)</translation>
    </message>
    <message>
        <source>watch (20–50 %)</source>
        <translation>vigilar (20–50 %)</translation>
    </message>
    <message>
        <source>likely (50 % and over)</source>
        <translation>probable (50 % o más)</translation>
    </message>
    <message>
        <source>% chance of opening within the hour</source>
        <translation>% de probabilidad de abrirse en la próxima hora</translation>
    </message>
    <message>
        <source>No forecast yet
It needs ten minutes of calls to each source.</source>
        <translation>Aún no hay previsión
Necesita diez minutos de llamadas a cada fuente.</translation>
    </message>
    <message>
        <source>No breaker is expected to open within the hour.</source>
        <translation>No se espera que ningún breaker se abra en la próxima hora.</translation>
    </message>
</context>
<context>
    <name>dashboard::TripForecastModel</name>
    <message>
        <source>too few calls to forecast</source>
        <translation>muy pocas llamadas para prever</translation>
    </message>
    <message>
        <source>Chance within 1 h</source>
        <translation>Probabilidad en 1 h</translation>
    </message>
    <message>
        <source>Expected minutes to trip</source>
        <translation>Minutos esperados hasta abrirse</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>midiendo…</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>abierto ahora</translation>
    </message>
    <message>
        <source>may trip now</source>
        <translation>puede abrirse ya</translation>
    </message>
    <message>
        <source>may trip in ~%1 min</source>
        <translation>puede abrirse en ~%1 min</translation>
    </message>
    <message>
        <source>%1 % within 1 h</source>
        <translation>%1 % en 1 h</translation>
    </message>
    <message>
        <source>steady</source>
        <translation>estable</translation>
    </message>
    <message>
        <source>No forecast yet: %1.</source>
        <translation>Aún no hay previsión: %1.</translation>
    </message>
    <message>
        <source>The breaker is open or probing now.</source>
        <translation>El breaker está abierto o probando ahora.</translation>
    </message>
    <message>
        <source>Chance of opening within the hour %1 % (%2–%3 %).</source>
        <translation>Probabilidad de abrirse en la próxima hora: %1 % (%2–%3 %).</translation>
    </message>
    <message>
        <source>not within 6 h</source>
        <translation>no en 6 h</translation>
    </message>
    <message>
        <source>Expected in about %1 min (%2 to %3).</source>
        <translation>Esperado en unos %1 min (%2 a %3).</translation>
    </message>
    <message>
        <source>Failures %1 % of calls, %2 %3 points an hour; %4 calls a minute.</source>
        <translation>Fallos en el %1 % de las llamadas, %2 %3 puntos por hora; %4 llamadas por minuto.</translation>
    </message>
    <message>
        <source>rising</source>
        <translation>subiendo</translation>
    </message>
    <message>
        <source>falling</source>
        <translation>bajando</translation>
    </message>
</context>
<context>
    <name>dashboard::WorkersModel</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdido</translation>
    </message>
    <message>
        <source>Workers: %1</source>
        <translation>Workers: %1</translation>
    </message>
    <message>
        <source>Workers: %1 (%2)</source>
        <translation>Workers: %1 (%2)</translation>
    </message>
    <message>
        <source>%1&apos;s breaker for %2</source>
        <translation>Breaker de %1 para %2</translation>
    </message>
    <message>
        <source>%1 (this backend)</source>
        <translation>%1 (este backend)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Tracks/min</source>
        <translation>Pistas/min</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Lotes</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Visto por última vez</translation>
    </message>
    <message>
        <source>%1 is lost: its breaker for %2 is unknown</source>
        <translation>%1 se ha perdido: su breaker de %2 es desconocido</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>nothing queued</source>
        <translation>nada en cola</translation>
    </message>
    <message>
        <source>%1 queued; measuring how fast a worker goes</source>
        <translation>%1 en cola; midiendo la velocidad de un worker</translation>
    </message>
    <message>
        <source>%1 queued, %2 a minute per worker: drains within %3</source>
        <translation>%1 en cola, %2 por minuto y worker: se vacía en %3</translation>
    </message>
    <message>
        <source>capped by %1&apos;s quota (%2 requests a minute); the backlog alone asks for %3</source>
        <translation>limitado por la cuota de %1 (%2 peticiones por minuto); la cola por sí sola pide %3</translation>
    </message>
    <message>
        <source>held while the breaker of %1 is open; the backlog alone asks for %2</source>
        <translation>retenido mientras el circuit breaker de %1 está abierto; la cola por sí sola pide %2</translation>
    </message>
    <message>
        <source>held while the pipeline is paused</source>
        <translation>retenido mientras el pipeline está en pausa</translation>
    </message>
    <message>
        <source>the minimum (%1)</source>
        <translation>el mínimo (%1)</translation>
    </message>
    <message>
        <source>the maximum (%1); the backlog asks for %2</source>
        <translation>el máximo (%1); la cola pide %2</translation>
    </message>
    <message>
        <source>Desired workers: %1 (%2 live): %3</source>
        <translation>Workers deseados: %1 (%2 activos): %3</translation>
    </message>
    <message>
        <source>Backlog: %1 (pending and in progress)</source>
        <translation>Cola: %1 (pendientes y en curso)</translation>
    </message>
    <message>
        <source>Inflow: %1 a minute; forecast over the target: %2</source>
        <translation>Entrada: %1 por minuto; previsión sobre el objetivo: %2</translation>
    </message>
    <message>
        <source>Rate per worker: %1 tracks a minute</source>
        <translation>Ritmo por worker: %1 pistas por minuto</translation>
    </message>
    <message>
        <source>Rate per worker: not measured yet</source>
        <translation>Ritmo por worker: aún sin medir</translation>
    </message>
    <message>
        <source>The backlog alone asks for: %1</source>
        <translation>La cola por sí sola pide: %1</translation>
    </message>
    <message>
        <source>Quota cap: %1 (%2, %3 requests a minute)</source>
        <translation>Límite de cuota: %1 (%2, %3 peticiones por minuto)</translation>
    </message>
    <message>
        <source>Open breakers (not counted): %1</source>
        <translation>Circuit breakers abiertos (no cuentan): %1</translation>
    </message>
    <message>
        <source>Bounds: %1 to %2 workers</source>
        <translation>Límites: de %1 a %2 workers</translation>
    </message>
    <message>
        <source>Target drain time: %1 min; left for this backlog: %2 min</source>
        <translation>Tiempo objetivo de vaciado: %1 min; queda para esta cola: %2 min</translation>
    </message>
</context>
<context>
    <name>dashboard::WorkersPanel</name>
    <message>
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
</context>
</TS>
