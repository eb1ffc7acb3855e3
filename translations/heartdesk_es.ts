<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>DatabaseOpener</name>
    <message>
        <source>Database password</source>
        <translation>Contraseña de la base de datos</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Contraseña para %1:</translation>
    </message>
    <message>
        <source>HEART Desk cannot open the database</source>
        <translation>HEART Desk no puede abrir la base de datos</translation>
    </message>
    <message>
        <source>%1

Database: %2</source>
        <translation>%1

Base de datos: %2</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>&amp;Choose another file…</source>
        <translation>&amp;Elegir otro archivo…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Choose a HEART Desk database</source>
        <translation>Elegir una base de datos de HEART Desk</translation>
    </message>
    <message>
        <source>HEART Desk database (*.sqlite);;All files (*)</source>
        <translation>Base de datos de HEART Desk (*.sqlite);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>DirectoryText</name>
    <message>
        <source>Shelter</source>
        <translation>Albergue</translation>
    </message>
    <message>
        <source>Detox / withdrawal</source>
        <translation>Desintoxicación / abstinencia</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Peer center</source>
        <translation>Centro de pares</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Alimentos</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Choose what kind of service this is.</source>
        <translation>Elija qué tipo de servicio es.</translation>
    </message>
    <message>
        <source>Enter the service's name.</source>
        <translation>Escriba el nombre del servicio.</translation>
    </message>
    <message>
        <source>Enter a number that can be dialled, such as (919) 555-0123, 988 or +44 20 7123 4567.</source>
        <translation>Escriba un número que se pueda marcar, como (919) 555-0123, 988 o +44 20 7123 4567.</translation>
    </message>
    <message>
        <source>“%1” is not a language code: use ISO 639 codes such as en, es or ase.</source>
        <translation>«%1» no es un código de idioma: use códigos ISO 639 como en, es o ase.</translation>
    </message>
    <message>
        <source>List at most %1 languages.</source>
        <translation>Indique como máximo %1 idiomas.</translation>
    </message>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation>Es demasiado largo: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>This must be a single line.</source>
        <translation>Debe ser una sola línea.</translation>
    </message>
    <message>
        <source>The file is empty: its first row must name the columns.</source>
        <translation>El archivo está vacío: su primera fila debe nombrar las columnas.</translation>
    </message>
    <message>
        <source>A column has no name. The columns are: %1.</source>
        <translation>Una columna no tiene nombre. Las columnas son: %1.</translation>
    </message>
    <message>
        <source>Unknown column “%1”. The columns are: %2.</source>
        <translation>Columna desconocida «%1». Las columnas son: %2.</translation>
    </message>
    <message>
        <source>The column “%1” appears twice.</source>
        <translation>La columna «%1» aparece dos veces.</translation>
    </message>
    <message>
        <source>The required column “%1” is missing.</source>
        <translation>Falta la columna obligatoria «%1».</translation>
    </message>
    <message>
        <source>This row does not have as many fields as the header (%1).</source>
        <translation>Esta fila no tiene tantos campos como el encabezado (%1).</translation>
    </message>
    <message>
        <source>A quoted field is never closed: the rest of the file was read as part of it.</source>
        <translation>Un campo entre comillas nunca se cierra: el resto del archivo se leyó como parte de él.</translation>
    </message>
    <message>
        <source>There is text after a closing quote: put the whole field in quotes.</source>
        <translation>Hay texto después de unas comillas de cierre: ponga todo el campo entre comillas.</translation>
    </message>
    <message>
        <source>This row is not UTF-8 text: save the file as “CSV UTF-8”.</source>
        <translation>Esta fila no es texto UTF-8: guarde el archivo como «CSV UTF-8».</translation>
    </message>
    <message>
        <source>“%1” is not a kind of service: use shelter, detox, clinic, peer_center, food or crisis_line.</source>
        <translation>«%1» no es un tipo de servicio: use shelter, detox, clinic, peer_center, food o crisis_line.</translation>
    </message>
    <message>
        <source>“%1” is not yes or no.</source>
        <translation>«%1» no es sí ni no.</translation>
    </message>
</context>
<context>
    <name>DomainText</name>
    <message>
        <source>early</source>
        <comment>the roster shift starting 09:00; completes "%1 shift"</comment>
        <translation>de mañana</translation>
    </message>
    <message>
        <source>late</source>
        <comment>the roster shift starting 12:00; completes "%1 shift"</comment>
        <translation>de tarde</translation>
    </message>
    <message>
        <source>E</source>
        <comment>the early shift in one letter (roster grid)</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>L</source>
        <comment>the late shift in one letter (roster grid)</comment>
        <translation>T</translation>
    </message>
    <message>
        <source>Crisis call counselor</source>
        <translation>Consejero/a de llamadas de crisis</translation>
    </message>
    <message>
        <source>CRT team lead</source>
        <translation>Líder de equipo CRT</translation>
    </message>
    <message>
        <source>Peer support specialist</source>
        <translation>Especialista de apoyo entre pares</translation>
    </message>
    <message>
        <source>EMT</source>
        <translation>EMT</translation>
    </message>
    <message>
        <source>Co-response clinician</source>
        <translation>Clínico/a de corespuesta</translation>
    </message>
    <message>
        <source>Care navigator</source>
        <translation>Navegador/a de cuidados</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor/a</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador/a</translation>
    </message>
    <message>
        <source>Crisis Call Diversion</source>
        <translation>Desvío de Llamadas de Crisis</translation>
    </message>
    <message>
        <source>Community Response Team</source>
        <translation>Equipo de Respuesta Comunitaria</translation>
    </message>
    <message>
        <source>Co-Response</source>
        <translation>Corespuesta</translation>
    </message>
    <message>
        <source>Care Navigation</source>
        <translation>Navegación de Cuidados</translation>
    </message>
    <message>
        <source>Police/EMS only</source>
        <translation>Solo policía/EMS</translation>
    </message>
    <message>
        <source>Resolved by phone</source>
        <translation>Resuelta por teléfono</translation>
    </message>
    <message>
        <source>Transferred to 988</source>
        <translation>Transferida al 988</translation>
    </message>
    <message>
        <source>CRT dispatched</source>
        <translation>CRT despachado</translation>
    </message>
    <message>
        <source>Co-Response dispatched</source>
        <translation>Corespuesta despachada</translation>
    </message>
    <message>
        <source>Returned to police/EMS</source>
        <translation>Devuelta a policía/EMS</translation>
    </message>
    <message>
        <source>Declined or disconnected</source>
        <translation>Rechazada o desconectada</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Moderado</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Welfare Check</source>
        <translation>Verificación de bienestar</translation>
    </message>
    <message>
        <source>Mental Health Crisis</source>
        <translation>Crisis de salud mental</translation>
    </message>
    <message>
        <source>Suicide Threat</source>
        <translation>Amenaza de suicidio</translation>
    </message>
    <message>
        <source>Trespass/Unwanted</source>
        <translation>Intrusión/Persona no deseada</translation>
    </message>
    <message>
        <source>Intoxicated Person</source>
        <translation>Persona intoxicada</translation>
    </message>
    <message>
        <source>Assist Person</source>
        <translation>Asistencia a persona</translation>
    </message>
    <message>
        <source>Panhandling/Solicitation</source>
        <translation>Mendicidad/Solicitación</translation>
    </message>
    <message>
        <source>Indecency</source>
        <translation>Conducta indecente</translation>
    </message>
    <message>
        <source>Follow Up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>The database location is not valid: %1.</source>
        <translation>La ubicación de la base de datos no es válida: %1.</translation>
    </message>
    <message>
        <source>This file is not a readable HEART Desk database (%1). It has not been changed.</source>
        <translation>Este archivo no es una base de datos de HEART Desk legible (%1). No se ha modificado.</translation>
    </message>
    <message>
        <source>The database file cannot be opened: %1.</source>
        <translation>No se puede abrir el archivo de la base de datos: %1.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of HEART Desk (%1). Nothing was changed; please update HEART Desk.</source>
        <translation>Esta base de datos se guardó con una versión más reciente de HEART Desk (%1). No se modificó nada; actualice HEART Desk.</translation>
    </message>
    <message>
        <source>The database server cannot be reached: %1</source>
        <translation>No se puede conectar con el servidor de la base de datos: %1</translation>
    </message>
    <message>
        <source>The database refused the change: %1</source>
        <translation>La base de datos rechazó el cambio: %1</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Su rol no permite esta acción.</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation>Otra persona modificó este registro mientras tanto. Vuelva a cargarlo y haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>El registro ya no existe.</translation>
    </message>
    <message>
        <source>This user ID is taken already.</source>
        <translation>Este ID de usuario ya está en uso.</translation>
    </message>
    <message>
        <source>Wrong user ID or password.</source>
        <translation>ID de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1.</source>
        <translation>Esta cuenta se bloqueó por demasiados intentos con contraseña incorrecta. Vuelva a intentarlo después de las %1.</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask an administrator.</source>
        <translation>Esta cuenta fue desactivada. Consulte a un administrador.</translation>
    </message>
    <message>
        <source>This is the last active administrator; make someone else an administrator first.</source>
        <translation>Este es el último administrador activo; primero asigne el rol de administrador a otra persona.</translation>
    </message>
    <message>
        <source>An administrator exists already; please sign in.</source>
        <translation>Ya existe un administrador; inicie sesión.</translation>
    </message>
    <message>
        <source>Awaiting a decision</source>
        <translation>En espera de una decisión</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Do not put the database password in the location. Set HEARTDESK_DB_PASSWORD (or PGPASSWORD) or type it when asked.</source>
        <translation>No ponga la contraseña de la base de datos en la ubicación. Defina HEARTDESK_DB_PASSWORD (o PGPASSWORD) o escríbala cuando se le pida.</translation>
    </message>
    <message>
        <source>A user ID is 2 to 32 lower-case letters, digits, '.', '_' or '-'.</source>
        <translation>Un ID de usuario tiene de 2 a 32 letras minúsculas, dígitos, '.', '_' o '-'.</translation>
    </message>
    <message>
        <source>Enter the person's full name.</source>
        <translation>Escriba el nombre completo de la persona.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Elija al menos un rol.</translation>
    </message>
    <message>
        <source>The idle time must be between 1 and 240 minutes.</source>
        <translation>El tiempo de inactividad debe estar entre 1 y 240 minutos.</translation>
    </message>
    <message>
        <source>Please check the entry: %1.</source>
        <translation>Revise el dato: %1.</translation>
    </message>
    <message>
        <source>Nuisance</source>
        <translation>Molestias</translation>
    </message>
    <message>
        <source>Prostitution</source>
        <translation>Prostitución</translation>
    </message>
    <message>
        <source>Lost Person</source>
        <translation>Persona extraviada</translation>
    </message>
    <message>
        <source>Disturbance</source>
        <translation>Alteración del orden</translation>
    </message>
    <message>
        <source>Assault</source>
        <translation>Agresión</translation>
    </message>
    <message>
        <source>Domestic Disturbance</source>
        <translation>Disturbio doméstico</translation>
    </message>
    <message>
        <source>Overdose</source>
        <translation>Sobredosis</translation>
    </message>
    <message>
        <source>Burglary</source>
        <translation>Robo en vivienda</translation>
    </message>
    <message>
        <source>Traffic Accident</source>
        <translation>Accidente de tránsito</translation>
    </message>
    <message>
        <source>Shots Fired</source>
        <translation>Disparos</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <source>More attempts</source>
        <translation>Más intentos</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>That service is no longer in the directory. Choose another or type its name.</source>
        <translation>Ese servicio ya no está en el directorio. Elija otro o escriba su nombre.</translation>
    </message>
    <message>
        <source>That many more attempts is not allowed: at most %1 attempts in all.</source>
        <translation>No se permiten tantos intentos más: como máximo %1 intentos en total.</translation>
    </message>
    <message>
        <source>Please fill in: %1.</source>
        <translation>Complete: %1.</translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation>%1 es demasiado largo: como máximo %2 caracteres.</translation>
    </message>
    <message>
        <source>This record is signed and takes no more changes. Add an addendum instead.</source>
        <translation>Este registro está firmado y no admite más cambios. Agregue un anexo en su lugar.</translation>
    </message>
    <message>
        <source>This call is closed: it takes no more changes.</source>
        <translation>Esta llamada está cerrada: no admite más cambios.</translation>
    </message>
    <message>
        <source>The unit is not free for a new call. Choose an available unit.</source>
        <translation>La unidad no está libre para una nueva llamada. Elija una unidad disponible.</translation>
    </message>
    <message>
        <source>The unit cannot move to that status from where it is now.</source>
        <translation>La unidad no puede pasar a ese estado desde el estado actual.</translation>
    </message>
    <message>
        <source>This task is closed: it takes no more changes.</source>
        <translation>Esta tarea está cerrada: no admite más cambios.</translation>
    </message>
    <message>
        <source>Someone else has this task. A care navigator or supervisor can reassign it.</source>
        <translation>Otra persona tiene esta tarea. Un navegador de atención o un supervisor puede reasignarla.</translation>
    </message>
    <message>
        <source>This person cannot be given the task: their account is inactive or their role does not work this kind of task.</source>
        <translation>No se puede dar la tarea a esta persona: su cuenta está inactiva o su rol no trabaja este tipo de tarea.</translation>
    </message>
    <message>
        <source>created it</source>
        <translation>lo creó</translation>
    </message>
    <message>
        <source>changed it</source>
        <translation>lo modificó</translation>
    </message>
    <message>
        <source>dispatched a unit to it</source>
        <translation>le despachó una unidad</translation>
    </message>
    <message>
        <source>closed it</source>
        <translation>lo cerró</translation>
    </message>
    <message>
        <source>added an addendum</source>
        <translation>añadió una adenda</translation>
    </message>
    <message>
        <source>signed it</source>
        <translation>lo firmó</translation>
    </message>
    <message>
        <source>made it final</source>
        <translation>lo hizo definitivo</translation>
    </message>
    <message>
        <source>changed its status</source>
        <translation>cambió su estado</translation>
    </message>
    <message>
        <source>claimed it</source>
        <translation>lo reclamó</translation>
    </message>
    <message>
        <source>assigned it</source>
        <translation>lo asignó</translation>
    </message>
    <message>
        <source>put it back in the unassigned queue</source>
        <translation>lo devolvió a la cola sin asignar</translation>
    </message>
    <message>
        <source>logged an attempt</source>
        <translation>registró un intento</translation>
    </message>
    <message>
        <source>extended the attempts</source>
        <translation>amplió los intentos</translation>
    </message>
    <message>
        <source>Refused to connect without encryption: the database server is not on this computer, so the records would cross the network in plaintext. Use sslmode=verify-full with the center's CA certificate (sslrootcert) in the location.</source>
        <translation>Conexión sin cifrado rechazada: el servidor de la base de datos no está en este equipo, así que los registros cruzarían la red sin cifrar. Use sslmode=verify-full con el certificado de la CA del centro (sslrootcert) en la ubicación.</translation>
    </message>
    <message>
        <source>The database is older than this version of HEART Desk, and this login may not upgrade it. Ask the administrator to run 'heartdesk-cli setup-server', which upgrades it as the schema owner. Nothing was changed.</source>
        <translation>La base de datos es anterior a esta versión de HEART Desk y este usuario no puede actualizarla. Pida al administrador que ejecute 'heartdesk-cli setup-server', que la actualiza como propietario del esquema. No se modificó nada.</translation>
    </message>
    <message>
        <source>This laptop has not reached the center for too long to let you sign in offline. Connect it to the center (the network or the van's link) and sign in again.</source>
        <translation>Este portátil lleva demasiado tiempo sin conectar con el centro para permitirle entrar sin conexión. Conéctelo con el centro (la red o el enlace de la furgoneta) y vuelva a entrar.</translation>
    </message>
    <message>
        <source>The password is too short: an administrator's password needs at least %1 characters.</source>
        <translation>La contraseña es demasiado corta: la de un administrador necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>La contraseña es demasiado corta: use al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>The password is too long: at most %1 characters.</source>
        <translation>La contraseña es demasiado larga: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>The password may not be only spaces.</source>
        <translation>La contraseña no puede ser solo espacios.</translation>
    </message>
    <message>
        <source>The password may not contain control characters or invisible formatting characters.</source>
        <translation>La contraseña no puede contener caracteres de control ni caracteres de formato invisibles.</translation>
    </message>
    <message>
        <source>The password only repeats a character or a short group (like aaaaaaaa): choose one that is harder to guess.</source>
        <translation>La contraseña solo repite un carácter o un grupo corto (como aaaaaaaa): elija una más difícil de adivinar.</translation>
    </message>
    <message>
        <source>The password is a run of characters or a keyboard row (like 12345678 or qwerty): choose one that is harder to guess.</source>
        <translation>La contraseña es una serie de caracteres o una fila del teclado (como 12345678 o qwerty): elija una más difícil de adivinar.</translation>
    </message>
    <message>
        <source>This is one of the most common passwords, which attackers try first: choose another. A few unrelated words make a good password.</source>
        <translation>Es una de las contraseñas más comunes, las que los atacantes prueban primero: elija otra. Unas cuantas palabras sin relación entre sí forman una buena contraseña.</translation>
    </message>
    <message>
        <source>The password is made of the user ID or the person's name: choose one that others cannot guess from them.</source>
        <translation>La contraseña está hecha con el identificador de usuario o el nombre de la persona: elija una que otros no puedan adivinar a partir de ellos.</translation>
    </message>
    <message>
        <source>The password is too easy to guess: use at least %1 characters, not a common password, not the user ID or name.</source>
        <translation>La contraseña es demasiado fácil de adivinar: use al menos %1 caracteres, que no sea una contraseña común ni el identificador de usuario o el nombre.</translation>
    </message>
    <message>
        <source>%1 may not contain control characters or invisible formatting characters (such as a right-to-left override).</source>
        <translation>%1 no puede contener caracteres de control ni caracteres de formato invisibles (como una marca de escritura de derecha a izquierda).</translation>
    </message>
    <message>
        <source>An administrator needs a password of at least %1 characters that is hard to guess, and this account's password was chosen for its other roles. Type a new password for it under New password, then save the roles again.</source>
        <translation>Un administrador necesita una contraseña de al menos %1 caracteres difícil de adivinar, y la contraseña de esta cuenta se eligió para sus otros roles. Escriba una contraseña nueva en Nueva contraseña y vuelva a guardar los roles.</translation>
    </message>
    <message>
        <source>This database on the PostgreSQL server is not HEART Desk's: its schema holds the tables of another program (%1). Nothing on the server has been changed.</source>
        <translation>Esta base de datos del servidor PostgreSQL no es de HEART Desk: su esquema contiene las tablas de otro programa (%1). No se ha cambiado nada en el servidor.</translation>
    </message>
</context>
<context>
    <name>FollowUpText</name>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Se le localizó</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>No contestó</translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation>Se dejó un mensaje</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>Número equivocado</translation>
    </message>
    <message>
        <source>Connected to a service</source>
        <translation>Conectada a un servicio</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rehusó</translation>
    </message>
    <message>
        <source>Already connected to care</source>
        <translation>Ya recibe atención</translation>
    </message>
    <message>
        <source>Unable to reach</source>
        <translation>No se le pudo localizar</translation>
    </message>
    <message>
        <source>Resolved on scene</source>
        <translation>Resuelto en el lugar</translation>
    </message>
    <message>
        <source>Transported</source>
        <translation>Trasladado</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <source>Declined services</source>
        <translation>Rechazó los servicios</translation>
    </message>
    <message>
        <source>Police requested</source>
        <translation>Se pidió policía</translation>
    </message>
    <message>
        <source>EMS requested</source>
        <translation>Se pidió EMS</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <source>the person themselves</source>
        <translation>la propia persona</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>bystander</source>
        <translation>testigo</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>profesional</translation>
    </message>
    <message>
        <source>wished dead</source>
        <translation>deseo de estar muerto</translation>
    </message>
    <message>
        <source>thoughts of suicide</source>
        <translation>pensamientos suicidas</translation>
    </message>
    <message>
        <source>method</source>
        <translation>método</translation>
    </message>
    <message>
        <source>intent</source>
        <translation>intención</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>plan</translation>
    </message>
    <message>
        <source>preparatory behavior</source>
        <translation>conducta preparatoria</translation>
    </message>
    <message>
        <source>within 3 months</source>
        <translation>en los últimos 3 meses</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message>
        <source>%1 (risk: %2)</source>
        <translation>%1 (riesgo: %2)</translation>
    </message>
</context>
<context>
    <name>MonthlyReportPdf</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Program report: %1</source>
        <translation>Informe del programa: %1</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Todos los programas</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programa:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>%1 to %2, in %3; compared with %4</source>
        <translation>Del %1 al %2, en %3; comparado con %4</translation>
    </message>
    <message>
        <source>none in force</source>
        <translation>ninguno vigente</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Rule set in force:</source>
        <translation>Conjunto de reglas vigente:</translation>
    </message>
    <message>
        <source>The calls of the two periods were judged under the rule sets in force at their time: %1.</source>
        <translation>Las llamadas de los dos periodos se juzgaron con los conjuntos de reglas vigentes en su momento: %1.</translation>
    </message>
    <message>
        <source>Public version: counts of 1 to 10 are shown as "&lt;11", and the numbers that would give them away as "*"; shares and times resting on 10 calls or fewer are withheld.</source>
        <translation>Versión pública: los recuentos de 1 a 10 se muestran como "&lt;11", y los números que los delatarían como "*"; se omiten los porcentajes y tiempos basados en 10 llamadas o menos.</translation>
    </message>
    <message>
        <source>Internal version: it holds small counts and is not for publication.</source>
        <translation>Versión interna: contiene recuentos pequeños y no es para publicar.</translation>
    </message>
    <message>
        <source>Every number is defined in the program's metrics definitions (docs/metrics.md). Made with HEART Desk on %1.</source>
        <translation>Cada número está definido en las definiciones de métricas del programa (docs/metrics.md). Hecho con HEART Desk el %1.</translation>
    </message>
    <message>
        <source>Headlines</source>
        <translation>Titulares</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Eligible calls answered, %1</source>
        <translation>Llamadas elegibles atendidas, %1</translation>
    </message>
    <message>
        <source>CRT median, dispatch to arrival</source>
        <translation>Mediana del ERC, del despacho a la llegada</translation>
    </message>
    <message>
        <source>Follow-ups within 48 h</source>
        <translation>Seguimientos en 48 h</translation>
    </message>
    <message>
        <source>Calls by day of the week, %1</source>
        <translation>Llamadas por día de la semana, %1</translation>
    </message>
    <message>
        <source>Calls by hour of the week</source>
        <translation>Llamadas por hora de la semana</translation>
    </message>
    <message>
        <source>The thick line is the %1.</source>
        <translation>La línea gruesa es el %1.</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tablas</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Timed calls</source>
        <translation>Llamadas cronometradas</translation>
    </message>
    <message>
        <source>To arrive, median</source>
        <translation>Hasta llegar, mediana</translation>
    </message>
    <message>
        <source>To arrive, 90th</source>
        <translation>Hasta llegar, percentil 90</translation>
    </message>
    <message>
        <source>On scene, median</source>
        <translation>En el lugar, mediana</translation>
    </message>
    <message>
        <source>On scene, 90th</source>
        <translation>En el lugar, percentil 90</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>Tiempos de respuesta</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>Crisis Call Diversion</source>
        <translation>Desvío de Llamadas de Crisis</translation>
    </message>
    <message>
        <source>Community Response Team</source>
        <translation>Equipo de Respuesta Comunitaria</translation>
    </message>
    <message>
        <source>Co-Response</source>
        <translation>Corespuesta</translation>
    </message>
    <message>
        <source>Care Navigation</source>
        <translation>Navegación de Cuidados</translation>
    </message>
    <message>
        <source>Police/EMS</source>
        <translation>Policía/EMS</translation>
    </message>
    <message>
        <source>weapon reported</source>
        <translation>se reporta un arma</translation>
    </message>
    <message>
        <source>violence toward others</source>
        <translation>violencia hacia otras personas</translation>
    </message>
    <message>
        <source>medical emergency (EMS first)</source>
        <translation>emergencia médica (primero EMS)</translation>
    </message>
    <message>
        <source>intoxication</source>
        <translation>intoxicación</translation>
    </message>
    <message>
        <source>minors present</source>
        <translation>hay menores presentes</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>domingo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderado</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 suicide risk (C-SSRS)</source>
        <translation>riesgo de suicidio %1 (C-SSRS)</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>unknown call type "%1"</source>
        <translation>tipo de llamada desconocido "%1"</translation>
    </message>
    <message>
        <source>does not take %1 calls</source>
        <translation>no atiende llamadas de tipo %1</translation>
    </message>
    <message>
        <source>only for calls with %1</source>
        <translation>solo para llamadas con %1</translation>
    </message>
    <message>
        <source>not operating under these rules (%1)</source>
        <translation>no funciona con estas reglas (%1)</translation>
    </message>
    <message>
        <source>location unknown: give a beat or coordinates</source>
        <translation>ubicación desconocida: indique un sector o coordenadas</translation>
    </message>
    <message>
        <source>outside every beat (%1, %2)</source>
        <translation>fuera de todos los sectores (%1, %2)</translation>
    </message>
    <message>
        <source>outside the service area (beat %1)</source>
        <translation>fuera del área de servicio (sector %1)</translation>
    </message>
    <message>
        <source>outside hours (%1 %2)</source>
        <translation>fuera de horario (%1 %2)</translation>
    </message>
    <message>
        <source>closed on the holiday %1</source>
        <translation>cerrado por el feriado %1</translation>
    </message>
    <message>
        <source>follows up only after a CCD or CRT contact</source>
        <translation>solo da seguimiento tras un contacto de CCD o CRT</translation>
    </message>
    <message>
        <source>, then </source>
        <translation>, luego </translation>
    </message>
    <message>
        <source>The clocks sprang forward at that time: judged at %1.</source>
        <translation>A esa hora se adelantaron los relojes: se evaluó a las %1.</translation>
    </message>
    <message>
        <source>That time happens twice on the night the clocks fall back; the hours are the same either way.</source>
        <translation>Esa hora ocurre dos veces la noche en que se atrasan los relojes; el horario es el mismo en ambos casos.</translation>
    </message>
    <message>
        <source>Imminent risk (high suicide risk, C-SSRS): the person needs an in-person evaluation now.</source>
        <translation>Riesgo inminente (riesgo suicida alto, C-SSRS): la persona necesita una evaluación en persona ahora.</translation>
    </message>
    <message>
        <source>Co-Response cannot go (%1), so Police/EMS goes.</source>
        <translation>Co-Respuesta no puede ir (%1), así que va Policía/EMS.</translation>
    </message>
    <message>
        <source>Imminent risk (high suicide risk, C-SSRS): the person needs an in-person evaluation now, so %1 goes, not a phone diversion.</source>
        <translation>Riesgo inminente (riesgo suicida alto, C-SSRS): la persona necesita una evaluación en persona ahora, así que va %1, no una derivación por teléfono.</translation>
    </message>
    <message>
        <source>Crisis Call Diversion keeps the caller on the line until the responders arrive.</source>
        <translation>Derivación de Llamadas de Crisis mantiene a la persona en la línea hasta que llegue el equipo.</translation>
    </message>
</context>
<context>
    <name>ReportBeatMap</name>
    <message>
        <source>Calls per beat</source>
        <translation>Llamadas por sector</translation>
    </message>
    <message>
        <source>Missed eligible calls per beat</source>
        <translation>Llamadas elegibles perdidas por sector</translation>
    </message>
    <message>
        <source>Calls, %1</source>
        <translation>Llamadas, %1</translation>
    </message>
    <message>
        <source>Calls: %1</source>
        <translation>Llamadas: %1</translation>
    </message>
    <message>
        <source>Missed eligible calls, %1</source>
        <translation>Llamadas elegibles perdidas, %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Missed eligible calls: %1</source>
        <translation>Llamadas elegibles perdidas: %1</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>%1 service area (%2)</source>
        <translation>Área de servicio de %1 (%2)</translation>
    </message>
    <message>
        <source>Withheld (&lt;11 or *)</source>
        <translation>Omitido (&lt;11 o *)</translation>
    </message>
</context>
<context>
    <name>ReportPdfCommand</name>
    <message>
        <source>--report-pdf needs --as LOGIN (a supervisor) and --period PERIOD.</source>
        <translation>--report-pdf necesita --as USUARIO (un supervisor) y --period PERIODO.</translation>
    </message>
    <message>
        <source>--period must be YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD.</source>
        <translation>--period debe ser AAAA-MM, AAAA-Qn, AAAA o AAAA-MM-DD..AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>--program must be ccd, crt, cor, cn or police-ems.</source>
        <translation>--program debe ser ccd, crt, cor, cn o police-ems.</translation>
    </message>
    <message>
        <source>--map must be calls or missed.</source>
        <translation>--map debe ser calls o missed.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>No hay ninguna base de datos en %1.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Cannot sign in as %1: %2</source>
        <translation>No se puede iniciar sesión como %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a supervisor, so cannot read the report.</source>
        <translation>%1 no es supervisor, así que no puede leer el informe.</translation>
    </message>
    <message>
        <source>Cannot read the report: %1</source>
        <translation>No se puede leer el informe: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>Calls by program</source>
        <translation>Llamadas por programa</translation>
    </message>
    <message>
        <source>Calls by call type</source>
        <translation>Llamadas por tipo de llamada</translation>
    </message>
    <message>
        <source>Calls by beat</source>
        <translation>Llamadas por sector</translation>
    </message>
    <message>
        <source>Calls by hour of the week</source>
        <translation>Llamadas por hora de la semana</translation>
    </message>
    <message>
        <source>Calls by month</source>
        <translation>Llamadas por mes</translation>
    </message>
    <message>
        <source>Eligible calls answered and missed</source>
        <translation>Llamadas elegibles atendidas y perdidas</translation>
    </message>
    <message>
        <source>Missed eligible calls by reason</source>
        <translation>Llamadas elegibles perdidas por motivo</translation>
    </message>
    <message>
        <source>Missed eligible calls by beat</source>
        <translation>Llamadas elegibles perdidas por sector</translation>
    </message>
    <message>
        <source>Crisis call diversions</source>
        <translation>Desvíos de llamadas de crisis</translation>
    </message>
    <message>
        <source>Timed responses (sample sizes)</source>
        <translation>Respuestas cronometradas (tamaño de la muestra)</translation>
    </message>
    <message>
        <source>Felt safe on scene</source>
        <translation>Se sintieron seguros en el lugar</translation>
    </message>
    <message>
        <source>Call dispositions</source>
        <translation>Resoluciones de las llamadas</translation>
    </message>
    <message>
        <source>What happened on scene</source>
        <translation>Qué pasó en el lugar</translation>
    </message>
    <message>
        <source>Referrals by kind</source>
        <translation>Derivaciones por tipo</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Follow-up outcomes</source>
        <translation>Resultados de los seguimientos</translation>
    </message>
    <message>
        <source>People seen often</source>
        <translation>Personas atendidas a menudo</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>No disposition yet</source>
        <translation>Sin resolución todavía</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Perdidas</translation>
    </message>
    <message>
        <source>No team available</source>
        <translation>Ningún equipo disponible</translation>
    </message>
    <message>
        <source>Outside hours</source>
        <translation>Fuera del horario</translation>
    </message>
    <message>
        <source>Outside the service area</source>
        <translation>Fuera del área de servicio</translation>
    </message>
    <message>
        <source>Location unknown</source>
        <translation>Ubicación desconocida</translation>
    </message>
    <message>
        <source>Police or EMS took it</source>
        <translation>La tomó la policía o EMS</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rehusó</translation>
    </message>
    <message>
        <source>Another program answered</source>
        <translation>La atendió otro programa</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>Sin decidir todavía</translation>
    </message>
    <message>
        <source>Diverted</source>
        <translation>Desviadas</translation>
    </message>
    <message>
        <source>Transferred to 988</source>
        <translation>Transferida al 988</translation>
    </message>
    <message>
        <source>Dispatch to arrival</source>
        <translation>Del despacho a la llegada</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>En el lugar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>Not in the directory</source>
        <translation>No está en el directorio</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Within 48 h</source>
        <translation>En 48 h</translation>
    </message>
    <message>
        <source>After 48 h</source>
        <translation>Después de 48 h</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>No se localizó</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Seen 5 times or more</source>
        <translation>Atendidas 5 veces o más</translation>
    </message>
    <message>
        <source>Police requested</source>
        <translation>Se pidió policía</translation>
    </message>
    <message>
        <source>EMS requested</source>
        <translation>Se pidió EMS</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>T%1 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Fechas a elegir</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>todos los días</translation>
    </message>
    <message>
        <source>always</source>
        <translation>siempre</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>+%1 beats</source>
        <translation>+%1 sectores</translation>
    </message>
    <message>
        <source>−%1 beats</source>
        <translation>−%1 sectores</translation>
    </message>
    <message>
        <source>+1 beat</source>
        <translation>+1 sector</translation>
    </message>
    <message>
        <source>−1 beat</source>
        <translation>−1 sector</translation>
    </message>
    <message>
        <source>anywhere</source>
        <translation>en cualquier lugar</translation>
    </message>
    <message>
        <source>%1 beats</source>
        <translation>%1 sectores</translation>
    </message>
    <message>
        <source>every beat but %1</source>
        <translation>todos los sectores salvo %1</translation>
    </message>
    <message>
        <source>every beat</source>
        <translation>todos los sectores</translation>
    </message>
    <message>
        <source>service area %1</source>
        <translation>área de servicio %1</translation>
    </message>
    <message>
        <source>hours %1</source>
        <translation>horario %1</translation>
    </message>
    <message>
        <source>holidays %1</source>
        <translation>festivos %1</translation>
    </message>
    <message>
        <source>call types %1</source>
        <translation>tipos de llamada %1</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <source>excluded when %1</source>
        <translation>excluida cuando %1</translation>
    </message>
    <message>
        <source>only when %1</source>
        <translation>solo cuando %1</translation>
    </message>
    <message>
        <source>follows %1</source>
        <translation>da seguimiento %1</translation>
    </message>
    <message>
        <source>added (%1)</source>
        <translation>añadido (%1)</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>holiday dates %1</source>
        <translation>fechas festivas %1</translation>
    </message>
    <message>
        <source>call type list %1</source>
        <translation>lista de tipos de llamada %1</translation>
    </message>
    <message>
        <source>renamed %1</source>
        <translation>renombrado %1</translation>
    </message>
    <message>
        <source>takes effect %1</source>
        <translation>entra en vigor %1</translation>
    </message>
    <message>
        <source>time zone %1</source>
        <translation>zona horaria %1</translation>
    </message>
    <message>
        <source>no change in the rules</source>
        <translation>ningún cambio en las reglas</translation>
    </message>
    <message>
        <source>CCD</source>
        <translation>CCD</translation>
    </message>
    <message>
        <source>CRT</source>
        <translation>CRT</translation>
    </message>
    <message>
        <source>CoR</source>
        <translation>CoR</translation>
    </message>
    <message>
        <source>CN</source>
        <translation>CN</translation>
    </message>
    <message>
        <source>Police/EMS</source>
        <translation>Policía/EMS</translation>
    </message>
    <message>
        <source>closed on holidays</source>
        <translation>cerrado en festivos</translation>
    </message>
    <message>
        <source>open on holidays</source>
        <translation>abierto en festivos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>C-SSRS risk %1 or above</source>
        <translation>riesgo C-SSRS %1 o más</translation>
    </message>
    <message>
        <source>weapon</source>
        <translation>arma</translation>
    </message>
    <message>
        <source>violence</source>
        <translation>violencia</translation>
    </message>
    <message>
        <source>medical</source>
        <translation>médico</translation>
    </message>
    <message>
        <source>intoxication</source>
        <translation>intoxicación</translation>
    </message>
    <message>
        <source>minors present</source>
        <translation>hay menores presentes</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Preparing the demo database…</source>
        <translation>Preparando la base de datos de demostración…</translation>
    </message>
    <message>
        <source>HEART Desk demo</source>
        <translation>Demostración de HEART Desk</translation>
    </message>
    <message>
        <source>HEART Desk: the workplace of an alternative 911 crisis response program.</source>
        <translation>HEART Desk: el espacio de trabajo de un programa alternativo de respuesta a crisis del 911.</translation>
    </message>
    <message>
        <source>location</source>
        <translation>ubicación</translation>
    </message>
    <message>
        <source>Open a fresh demo database with fictional people.</source>
        <translation>Abrir una base de datos de demostración nueva con personas ficticias.</translation>
    </message>
    <message>
        <source>Seed of the demo data (default 20220627).</source>
        <translation>Semilla de los datos de demostración (predeterminada: 20220627).</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>Demo user to sign in as (default supervisor; "none" shows the sign-in screen).</source>
        <translation>Usuario de demostración con el que se inicia sesión (predeterminado: supervisor; "none" muestra la pantalla de inicio de sesión).</translation>
    </message>
    <message>
        <source>login</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>Language of the interface: en or es.</source>
        <translation>Idioma de la interfaz: en o es.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Unknown language "%1": use en or es.</source>
        <translation>Idioma desconocido "%1": use en o es.</translation>
    </message>
    <message>
        <source>--demo-seed needs a whole number.</source>
        <translation>--demo-seed requiere un número entero.</translation>
    </message>
    <message>
        <source>An SQLite file, or postgresql://user@host:port/db. The server password comes from HEARTDESK_DB_PASSWORD (or PGPASSWORD) or is asked for.</source>
        <translation>Un archivo SQLite, o postgresql://user@host:port/db. La contraseña del servidor se toma de HEARTDESK_DB_PASSWORD (o PGPASSWORD) o se pide al usuario.</translation>
    </message>
    <message>
        <source>Write the program report of --period as a PDF to this file and quit, signed in as the supervisor --as (password from HEARTDESK_PASSWORD or standard input).</source>
        <translation>Escribe el informe del programa de --period en PDF en este archivo y sale, con la sesión del supervisor --as (contraseña de HEARTDESK_PASSWORD o de la entrada estándar).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>With --report-pdf: 2026-10, 2026-Q4, 2026 or 2026-10-01..2026-10-15, in the program's local time.</source>
        <translation>Con --report-pdf: 2026-10, 2026-Q4, 2026 o 2026-10-01..2026-10-15, en la hora local del programa.</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periodo</translation>
    </message>
    <message>
        <source>With --report-pdf: the supervisor's user ID.</source>
        <translation>Con --report-pdf: el ID de usuario del supervisor.</translation>
    </message>
    <message>
        <source>With --report-pdf: only this program's calls (ccd, crt, cor).</source>
        <translation>Con --report-pdf: solo las llamadas de este programa (ccd, crt, cor).</translation>
    </message>
    <message>
        <source>program</source>
        <translation>programa</translation>
    </message>
    <message>
        <source>With --report-pdf: the public version (small cells suppressed).</source>
        <translation>Con --report-pdf: la versión pública (celdas pequeñas suprimidas).</translation>
    </message>
    <message>
        <source>With --report-pdf: what the beat map shows, calls or missed.</source>
        <translation>Con --report-pdf: lo que muestra el mapa de sectores, calls (llamadas) o missed (perdidas).</translation>
    </message>
    <message>
        <source>measure</source>
        <translation>medida</translation>
    </message>
</context>
<context>
    <name>ViolationText</name>
    <message>
        <source>%1 works %2 shifts in week %3; the rotation has %4.</source>
        <translation>%1 trabaja %2 turnos en la semana %3; la rotación prevé %4.</translation>
    </message>
    <message>
        <source>%1 has %2 administrative hours in week %3 instead of %4 on one free day.</source>
        <translation>%1 tiene %2 horas administrativas en la semana %3 en lugar de %4 en un día libre.</translation>
    </message>
    <message>
        <source>%1 works %2 weekends in the cycle or two too close together; one in three is the rule.</source>
        <translation>%1 trabaja %2 fines de semana en el ciclo o dos demasiado seguidos; la regla es uno de cada tres.</translation>
    </message>
    <message>
        <source>%1 has no break of %2 days in a row (longest: %3).</source>
        <translation>%1 no tiene un descanso de %2 días seguidos (el más largo: %3).</translation>
    </message>
    <message>
        <source>%1 works the %2 shift on %3, but their fixed shift is %4.</source>
        <translation>%1 trabaja el turno %2 el %3, pero su turno fijo es %4.</translation>
    </message>
    <message>
        <source>%1 has an unknown shift "%2" on %3.</source>
        <translation>%1 tiene un turno desconocido "%2" el %3.</translation>
    </message>
    <message>
        <source>%1, %2 shift: %3 complete team(s), %4 needed (%5 clinician(s), %6 peer support/EMT).</source>
        <translation>%1, turno %2: %3 equipo(s) completo(s), se necesitan %4 (%5 clínico(s), %6 de apoyo entre pares/EMT).</translation>
    </message>
    <message>
        <source>No staff member may work the unknown shift "%1".</source>
        <translation>Ningún miembro del personal puede trabajar el turno desconocido "%1".</translation>
    </message>
    <message numerus="yes">
        <source>Needs %n more peer support specialist(s) or EMT(s) for %1 %2 shifts.</source>
        <translation>
            <numerusform>Necesita %n especialista de apoyo entre pares o EMT más para los turnos %2 del %1.</numerusform>
            <numerusform>Necesita %n especialistas de apoyo entre pares o EMT más para los turnos %2 del %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Needs %n more clinician(s) for %1 %2 shifts.</source>
        <translation>
            <numerusform>Necesita %n clínico más para los turnos %2 del %1.</numerusform>
            <numerusform>Necesita %n clínicos más para los turnos %2 del %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shift</source>
        <translation>turno %1</translation>
    </message>
    <message>
        <source>%1 shift (%2–%3)</source>
        <translation>turno %1 (%2–%3)</translation>
    </message>
    <message>
        <source>off</source>
        <translation>libre</translation>
    </message>
    <message>
        <source>administrative hours (%1 h)</source>
        <translation>horas administrativas (%1 h)</translation>
    </message>
</context>
<context>
    <name>heart::ui::AssignTaskDialog</name>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Asignar</translation>
    </message>
    <message>
        <source>Assign the task</source>
        <translation>Asignar la tarea</translation>
    </message>
    <message>
        <source>Nobody: back to the unassigned queue</source>
        <translation>Nadie: vuelve a la cola sin asignar</translation>
    </message>
    <message>
        <source>%1 (has it now)</source>
        <translation>%1 (la tiene ahora)</translation>
    </message>
    <message>
        <source>&amp;Give the task to:</source>
        <translation>&amp;Dar la tarea a:</translation>
    </message>
</context>
<context>
    <name>heart::ui::BeatMapPage</name>
    <message numerus="yes">
        <source>In force: Durham's 2022 beats, shipped with HEART Desk (%n beat(s)).</source>
        <translation>
            <numerusform>Vigente: los sectores de Durham de 2022, incluidos en HEART Desk (%n sector).</numerusform>
            <numerusform>Vigente: los sectores de Durham de 2022, incluidos en HEART Desk (%n sectores).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In force: %1, beat id from the property "%2" (%n beat(s)).</source>
        <translation>
            <numerusform>Vigente: %1, id del sector en la propiedad "%2" (%n sector).</numerusform>
            <numerusform>Vigente: %1, id del sector en la propiedad "%2" (%n sectores).</numerusform>
        </translation>
    </message>
    <message>
        <source>The beat map in force:</source>
        <translation>El mapa de sectores vigente:</translation>
    </message>
    <message>
        <source>Import a beat map</source>
        <translation>Importar un mapa de sectores</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json);;All files (*)</source>
        <translation>Archivos GeoJSON (*.geojson *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>Not a beat map: %1</source>
        <translation>No es un mapa de sectores: %1</translation>
    </message>
    <message>
        <source>%1: the features share no property that could hold a beat id (a text or a number in every feature).</source>
        <translation>%1: los elementos no comparten ninguna propiedad que pueda contener el id del sector (un texto o un número en cada elemento).</translation>
    </message>
    <message>
        <source>Nothing to preview.</source>
        <translation>Nada que previsualizar.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rechazado: %1</translation>
    </message>
    <message numerus="yes">
        <source>Preview of %1: %n beat(s), not saved yet.</source>
        <translation>
            <numerusform>Vista previa de %1: %n sector, todavía sin guardar.</numerusform>
            <numerusform>Vista previa de %1: %n sectores, todavía sin guardar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved. Calls are placed in beats by %1 from now on, on every workstation.</source>
        <translation>Guardado. Desde ahora las llamadas se ubican en sectores según %1, en todos los puestos.</translation>
    </message>
    <message>
        <source>Routing places a call in a police beat by its location. Import the center's own beats as GeoJSON (polygons with a beat id among each feature's properties); the beats the rule sets in force name must be on the map.</source>
        <translation>El enrutamiento ubica cada llamada en un sector policial según su ubicación. Importe los sectores propios del centro en GeoJSON (polígonos con el id del sector entre las propiedades de cada elemento); los sectores que nombran los conjuntos de reglas vigentes deben estar en el mapa.</translation>
    </message>
    <message>
        <source>&amp;Open a GeoJSON file…</source>
        <translation>&amp;Abrir un archivo GeoJSON…</translation>
    </message>
    <message>
        <source>Beat id &amp;property:</source>
        <translation>&amp;Propiedad con el id del sector:</translation>
    </message>
    <message>
        <source>Property holding the beat id</source>
        <translation>Propiedad que contiene el id del sector</translation>
    </message>
    <message>
        <source>Beat map</source>
        <translation>Mapa de sectores</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Keep the map in force</source>
        <translation>Conser&amp;var el mapa vigente</translation>
    </message>
    <message>
        <source>&amp;Beat map</source>
        <translation>&amp;Mapa de sectores</translation>
    </message>
</context>
<context>
    <name>heart::ui::BeatMapView</name>
    <message>
        <source>Beat map</source>
        <translation>Mapa de sectores</translation>
    </message>
    <message>
        <source>Beat %1</source>
        <translation>Sector %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>No se muestra</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>Área de servicio</translation>
    </message>
    <message>
        <source>No beat map</source>
        <translation>No hay mapa de sectores</translation>
    </message>
</context>
<context>
    <name>heart::ui::CadDifferencesBar</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Nature: %1</source>
        <translation>Naturaleza: %1</translation>
    </message>
    <message>
        <source>Address: %1</source>
        <translation>Dirección: %1</translation>
    </message>
    <message>
        <source>Position: %1, %2</source>
        <translation>Posición: %1, %2</translation>
    </message>
    <message>
        <source>Position: (none)</source>
        <translation>Posición: (ninguna)</translation>
    </message>
    <message>
        <source>Caller: %1</source>
        <translation>Persona que llama: %1</translation>
    </message>
    <message>
        <source>Callback number: %1</source>
        <translation>Número de devolución de llamada: %1</translation>
    </message>
    <message>
        <source>Caller's relationship: %1</source>
        <translation>Relación de quien llama: %1</translation>
    </message>
    <message>
        <source>Person: %1</source>
        <translation>Persona: %1</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>Edad: %1</translation>
    </message>
    <message>
        <source>Age: (none)</source>
        <translation>Edad: (ninguna)</translation>
    </message>
    <message>
        <source>Language: %1%2</source>
        <translation>Idioma: %1%2</translation>
    </message>
    <message>
        <source>, interpreter needed</source>
        <translation>, necesita intérprete</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>Indicadores: %1</translation>
    </message>
    <message>
        <source>Notes and cautions changed</source>
        <translation>Cambiaron las notas y las precauciones</translation>
    </message>
    <message>
        <source>Use the CAD's changes (Ctrl+Shift+C)</source>
        <translation>Usar los cambios del CAD (Ctrl+Mayús+C)</translation>
    </message>
    <message>
        <source>Dismiss (Ctrl+Shift+X)</source>
        <translation>Descartar (Ctrl+Mayús+X)</translation>
    </message>
    <message>
        <source>The CAD updated this call after you took it. Nothing you typed was changed.</source>
        <translation>El CAD actualizó esta llamada después de que usted la tomó. No se cambió nada de lo que escribió.</translation>
    </message>
</context>
<context>
    <name>heart::ui::CallListHome</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n llamada</numerusform>
            <numerusform>%n llamadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ctualizar</translation>
    </message>
    <message>
        <source>Reload the list (F5)</source>
        <translation>Volver a cargar la lista (F5)</translation>
    </message>
    <message>
        <source>Call queue</source>
        <translation>Cola de llamadas</translation>
    </message>
    <message>
        <source>Active behavioral-health calls in the 911 center, highest risk first, then oldest.</source>
        <translation>Llamadas activas de salud conductual en el centro de 911: primero las de mayor riesgo y luego las más antiguas.</translation>
    </message>
    <message>
        <source>Active calls</source>
        <translation>Llamadas activas</translation>
    </message>
    <message>
        <source>My unit's calls</source>
        <translation>Llamadas de mi unidad</translation>
    </message>
    <message>
        <source>Calls sent to Community Response and Co-Response units in the last 24 hours.</source>
        <translation>Llamadas enviadas a las unidades de Respuesta Comunitaria y de Corespuesta en las últimas 24 horas.</translation>
    </message>
    <message>
        <source>Unit calls</source>
        <translation>Llamadas de la unidad</translation>
    </message>
    <message>
        <source>Follow-up queue</source>
        <translation>Cola de seguimiento</translation>
    </message>
    <message>
        <source>Crisis Call Diversion and Community Response contacts of the last 48 hours: each is due a follow-up within 48 hours of the contact.</source>
        <translation>Contactos de Desvío de Llamadas de Crisis y de Respuesta Comunitaria de las últimas 48 horas: cada uno requiere un seguimiento dentro de las 48 horas posteriores al contacto.</translation>
    </message>
    <message>
        <source>Contacts due a follow-up</source>
        <translation>Contactos pendientes de seguimiento</translation>
    </message>
</context>
<context>
    <name>heart::ui::CallTableModel</name>
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
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>CAD #</source>
        <translation>N.º CAD</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Received (%1)</source>
        <translation>Recibida (%1)</translation>
    </message>
    <message>
        <source>New from CAD</source>
        <translation>Nueva del CAD</translation>
    </message>
    <message>
        <source>%1 · CAD update</source>
        <translation>%1 · actualización del CAD</translation>
    </message>
</context>
<context>
    <name>heart::ui::ChangedElsewhereBar</name>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reload theirs (Alt+Z)</source>
        <translation>Recargar la suya (Alt+Z)</translation>
    </message>
    <message>
        <source>Show their version; what you typed since your last save is dropped.</source>
        <translation>Mostrar su versión; se descarta lo que escribió desde que guardó por última vez.</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Conservar la mía</translation>
    </message>
    <message>
        <source>Save what you typed over their version.</source>
        <translation>Guardar lo que escribió sobre su versión.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Modificado en otro puesto</translation>
    </message>
    <message>
        <source>%1 %2 at %3.</source>
        <translation>%1 %2 a las %3.</translation>
    </message>
    <message>
        <source>Someone else saved this meanwhile.</source>
        <translation>Otra persona guardó esto mientras tanto.</translation>
    </message>
    <message>
        <source>What you typed is still here and not saved: reload theirs, or keep yours and save it over their change.</source>
        <translation>Lo que escribió sigue aquí y no se ha guardado: recargue la suya, o conserve la suya y guárdela sobre su cambio.</translation>
    </message>
    <message>
        <source>Their version is shown.</source>
        <translation>Se muestra su versión.</translation>
    </message>
</context>
<context>
    <name>heart::ui::CounselorHome</name>
    <message>
        <source>The routing rules could not be loaded, so calls cannot be taken here: %1</source>
        <translation>No se pudieron cargar las reglas de derivación, así que aquí no se pueden atender llamadas: %1</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Close the call's tab</source>
        <translation>Cerrar la pestaña de la llamada</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Cola</translation>
    </message>
    <message>
        <source>Ctrl+N starts a call; Enter opens the selected one; Ctrl+W closes a call's tab.</source>
        <translation>Ctrl+N inicia una llamada; Intro abre la seleccionada; Ctrl+W cierra la pestaña de una llamada.</translation>
    </message>
    <message>
        <source>Team board</source>
        <translation>Tablero de equipos</translation>
    </message>
    <message>
        <source>This call has changes that are not saved as a call. Keep them as a draft and close the tab? My drafts (Ctrl+Shift+D) reopens it.</source>
        <translation>Esta llamada tiene cambios que no están guardados como llamada. ¿Guardarlos como borrador y cerrar la pestaña? Mis borradores (Ctrl+Mayús+D) la vuelve a abrir.</translation>
    </message>
    <message>
        <source>My drafts</source>
        <translation>Mis borradores</translation>
    </message>
    <message>
        <source>&amp;New call</source>
        <translation>&amp;Nueva llamada</translation>
    </message>
    <message>
        <source>My &amp;drafts…</source>
        <translation>&amp;Mis borradores…</translation>
    </message>
    <message>
        <source>New call (Ctrl+N)</source>
        <translation>Nueva llamada (Ctrl+N)</translation>
    </message>
    <message>
        <source>My drafts (Ctrl+Shift+D)</source>
        <translation>Mis borradores (Ctrl+Mayús+D)</translation>
    </message>
    <message>
        <source>Start taking a call</source>
        <translation>Empezar a atender una llamada</translation>
    </message>
    <message>
        <source>Reopen a call kept as your draft</source>
        <translation>Volver a abrir una llamada guardada como borrador</translation>
    </message>
    <message>
        <source>(this draft cannot be read)</source>
        <translation>(este borrador no se puede leer)</translation>
    </message>
</context>
<context>
    <name>heart::ui::CoverageChart</name>
    <message>
        <source>Teams on duty</source>
        <translation>Equipos de servicio</translation>
    </message>
    <message>
        <source>Teams the calls need</source>
        <translation>Equipos que requieren las llamadas</translation>
    </message>
    <message>
        <source>teams</source>
        <translation>equipos</translation>
    </message>
    <message>
        <source>Teams on duty against the teams the expected calls need, per hour of the week</source>
        <translation>Equipos de servicio frente a los equipos que requieren las llamadas previstas, por hora de la semana</translation>
    </message>
</context>
<context>
    <name>heart::ui::CoveragePage</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No shift reaches these hours: it takes a new or longer shift</source>
        <translation>Ningún turno cubre estas horas: hace falta un turno nuevo o más largo</translation>
    </message>
    <message>
        <source>%1 more clinician(s) and %2 more peer support/EMT</source>
        <translation>%1 clínico(s) más y %2 de apoyo entre pares/EMT más</translation>
    </message>
    <message numerus="yes">
        <source> (%n hour(s) of it outside every shift)</source>
        <translation>
            <numerusform> (%n hora fuera de todo turno)</numerusform>
            <numerusform> (%n horas fuera de todo turno)</numerusform>
        </translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Teams short</source>
        <translation>Equipos que faltan</translation>
    </message>
    <message>
        <source>To close it</source>
        <translation>Para cubrirlo</translation>
    </message>
    <message>
        <source>Coverage against the calls of the last 8 weeks (or as far back as they go)</source>
        <translation>Cobertura frente a las llamadas de las últimas 8 semanas (o desde la primera registrada)</translation>
    </message>
    <message>
        <source>Worst hour %1: the calls need %2 team(s) on average, %3 team(s) are on duty on average over the %4 weeks of the rotation.</source>
        <translation>Peor hora %1: las llamadas necesitan %2 equipo(s) de media; hay %3 equipo(s) de turno de media en las %4 semanas de la rotación.</translation>
    </message>
    <message>
        <source>Teams short: in the worst hour of the run, the teams its calls need (one team for each call expected in the hour, from the past weeks' calls) minus the complete teams on duty, averaged over the %1 weeks of the rotation. A fraction is an average: 0.3 teams short is, for example, no team for that hour in about 3 weeks out of 10.</source>
        <translation>Equipos que faltan: en la peor hora del tramo, los equipos que necesitan sus llamadas (un equipo por cada llamada esperada en esa hora, según las llamadas de las semanas pasadas) menos los equipos completos de turno, como media de las %1 semanas de la rotación. Una fracción es una media: faltan 0,3 equipos significa, por ejemplo, que no hay equipo para esa hora en unas 3 semanas de cada 10.</translation>
    </message>
</context>
<context>
    <name>heart::ui::CrisisServicesPage</name>
    <message>
        <source>Ser&amp;vices</source>
        <translation>Ser&amp;vicios</translation>
    </message>
    <message>
        <source>Ser&amp;vices in %1:</source>
        <translation>Ser&amp;vicios en %1:</translation>
    </message>
    <message>
        <source>Saved. Safety plans printed from now on, on every workstation, list these services.</source>
        <translation>Guardado. Los planes de seguridad que se impriman desde ahora, en todos los puestos, incluyen estos servicios.</translation>
    </message>
    <message>
        <source>Step 5 of every safety plan lists these crisis services, in the plan's language; a language without its own list gets the English one. Each service needs a name and a phone number.</source>
        <translation>El paso 5 de cada plan de seguridad incluye estos servicios de crisis, en el idioma del plan; un idioma sin lista propia usa la de inglés. Cada servicio necesita un nombre y un número de teléfono.</translation>
    </message>
    <message>
        <source>Lan&amp;guages:</source>
        <translation>&amp;Idiomas:</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>code, e.g. vi</source>
        <translation>código, p. ej. vi</translation>
    </message>
    <message>
        <source>Code of a language to add</source>
        <translation>Código de un idioma que añadir</translation>
    </message>
    <message>
        <source>A&amp;dd language</source>
        <translation>A&amp;ñadir idioma</translation>
    </message>
    <message>
        <source>Remove languag&amp;e</source>
        <translation>Quitar idiom&amp;a</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Crisis services</source>
        <translation>Servicios de crisis</translation>
    </message>
    <message>
        <source>Add a ro&amp;w</source>
        <translation>Añadir una &amp;fila</translation>
    </message>
    <message>
        <source>Re&amp;move row</source>
        <translation>&amp;Quitar fila</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Crisis services</source>
        <translation>Servicios de &amp;crisis</translation>
    </message>
</context>
<context>
    <name>heart::ui::CssrsPanel</name>
    <message>
        <source>Suicide risk screen (C-SSRS)</source>
        <translation>Evaluación de riesgo de suicidio (C-SSRS)</translation>
    </message>
    <message>
        <source>&amp;1. Wished to be dead or not wake up (past month)?</source>
        <translation>&amp;1. ¿Deseó estar muerto/a o no despertar (último mes)?</translation>
    </message>
    <message>
        <source>&amp;2. Actual thoughts of killing themselves?</source>
        <translation>&amp;2. ¿Pensamientos reales de quitarse la vida?</translation>
    </message>
    <message>
        <source>&amp;3. Thought about how they might do this?</source>
        <translation>&amp;3. ¿Pensó en cómo podría hacerlo?</translation>
    </message>
    <message>
        <source>&amp;4. Any intention of acting on these thoughts?</source>
        <translation>&amp;4. ¿Alguna intención de actuar según esos pensamientos?</translation>
    </message>
    <message>
        <source>&amp;5. Started to work out or worked out the details (a plan)?</source>
        <translation>&amp;5. ¿Empezó a planear o planeó los detalles (un plan)?</translation>
    </message>
    <message>
        <source>&amp;6. Ever done, started or prepared to do anything to end their life?</source>
        <translation>&amp;6. ¿Alguna vez hizo, empezó o se preparó para hacer algo para terminar con su vida?</translation>
    </message>
    <message>
        <source>– not asked –</source>
        <translation>– sin preguntar –</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>IMMINENT RISK: take immediate safety precautions; the person needs an in-person evaluation.</source>
        <translation>RIESGO INMINENTE: tome precauciones de seguridad de inmediato; la persona necesita una evaluación en persona.</translation>
    </message>
    <message>
        <source>Risk: %1</source>
        <translation>Riesgo: %1</translation>
    </message>
    <message>
        <source>Risk so far: %1 (screen not finished)</source>
        <translation>Riesgo hasta ahora: %1 (evaluación sin terminar)</translation>
    </message>
    <message>
        <source>6b. Was that within the past 3 months?</source>
        <translation>6b. ¿Fue en los últimos 3 meses?</translation>
    </message>
</context>
<context>
    <name>heart::ui::DraftListDialog</name>
    <message>
        <source>My drafts</source>
        <translation>Mis borradores</translation>
    </message>
    <message>
        <source>Calls kept only as your drafts. Enter reopens the selected one.</source>
        <translation>Llamadas guardadas solo como sus borradores. Intro vuelve a abrir la seleccionada.</translation>
    </message>
    <message>
        <source>CAD number</source>
        <translation>Número CAD</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Guardado por última vez</translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation>(sin número)</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(sin elegir)</translation>
    </message>
    <message>
        <source>%1 — imminent risk</source>
        <translation>%1 — riesgo inminente</translation>
    </message>
    <message>
        <source>You have no calls kept as drafts.</source>
        <translation>No tiene llamadas guardadas como borradores.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Volver a abrir</translation>
    </message>
</context>
<context>
    <name>heart::ui::EncounterForm</name>
    <message>
        <source>&amp;Presenting concern:</source>
        <translation>&amp;Motivo de la intervención:</translation>
    </message>
    <message>
        <source>&amp;Assessment:</source>
        <translation>&amp;Evaluación:</translation>
    </message>
    <message>
        <source>&amp;Interventions:</source>
        <translation>&amp;Intervenciones:</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>&amp;Desenlace:</translation>
    </message>
    <message>
        <source>&amp;Where taken:</source>
        <translation>Lugar de &amp;traslado:</translation>
    </message>
    <message>
        <source>&amp;Referred to:</source>
        <translation>&amp;Remitido a:</translation>
    </message>
    <message>
        <source>&amp;Look up…</source>
        <translation>&amp;Buscar…</translation>
    </message>
    <message>
        <source>Why police/EMS were re&amp;quested:</source>
        <translation>Por &amp;qué se pidió policía/EMS:</translation>
    </message>
    <message>
        <source>Responders felt &amp;safe:</source>
        <translation>El equipo se sintió &amp;seguro:</translation>
    </message>
    <message>
        <source>&amp;Consent to follow-up:</source>
        <translation>&amp;Consiente el seguimiento:</translation>
    </message>
    <message>
        <source>Con&amp;tact by:</source>
        <translation>Contactar &amp;por:</translation>
    </message>
    <message>
        <source>Contact ph&amp;one:</source>
        <translation>Telé&amp;fono de contacto:</translation>
    </message>
    <message>
        <source>&amp;Narrative:</source>
        <translation>&amp;Narración:</translation>
    </message>
    <message>
        <source>Your entr&amp;y (Ctrl+Return adds it):</source>
        <translation>Su re&amp;gistro (Ctrl+Intro lo añade):</translation>
    </message>
    <message>
        <source>Team entries</source>
        <translation>Registros del equipo</translation>
    </message>
    <message>
        <source>Addenda</source>
        <translation>Adendas</translation>
    </message>
    <message>
        <source>– choose –</source>
        <translation>– elija –</translation>
    </message>
    <message>
        <source>Resolved on scene</source>
        <translation>Resuelto en el lugar</translation>
    </message>
    <message>
        <source>Transported</source>
        <translation>Trasladado</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <source>Declined services</source>
        <translation>Rechazó los servicios</translation>
    </message>
    <message>
        <source>Police requested</source>
        <translation>Se pidió policía</translation>
    </message>
    <message>
        <source>EMS requested</source>
        <translation>Se pidió EMS</translation>
    </message>
    <message>
        <source>– not recorded –</source>
        <translation>– sin registrar –</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>No preference</source>
        <translation>Sin preferencia</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Sign… (Ctrl+Shift+S)</source>
        <translation>Firmar… (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <source>Add entry</source>
        <translation>Añadir registro</translation>
    </message>
    <message>
        <source>Add addendum… (Ctrl+Shift+A)</source>
        <translation>Añadir adenda… (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Guardado %1.</translation>
    </message>
    <message>
        <source>Not signed: the password is not right.</source>
        <translation>No se firmó: la contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>No se firmó: %1</translation>
    </message>
    <message>
        <source>Not signed: entries or the safety plan changed meanwhile. Read them and sign again.</source>
        <translation>No se firmó: los registros o el plan de seguridad cambiaron mientras tanto. Léalos y vuelva a firmar.</translation>
    </message>
    <message>
        <source>Signed. The note is locked.</source>
        <translation>Firmada. La nota está bloqueada.</translation>
    </message>
    <message>
        <source>Entry not added: %1</source>
        <translation>No se añadió el registro: %1</translation>
    </message>
    <message>
        <source>Entry added.</source>
        <translation>Registro añadido.</translation>
    </message>
    <message>
        <source>Addendum not added: the password is not right.</source>
        <translation>No se añadió la adenda: la contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Addendum not added: %1</source>
        <translation>No se añadió la adenda: %1</translation>
    </message>
    <message>
        <source>Addendum signed and added.</source>
        <translation>Adenda firmada y añadida.</translation>
    </message>
    <message>
        <source>a contact phone that can be dialled</source>
        <translation>un teléfono de contacto que se pueda marcar</translation>
    </message>
    <message>
        <source>presenting concern</source>
        <translation>motivo de la intervención</translation>
    </message>
    <message>
        <source>disposition</source>
        <translation>desenlace</translation>
    </message>
    <message>
        <source>where the person was taken</source>
        <translation>adónde se trasladó a la persona</translation>
    </message>
    <message>
        <source>the service referred to</source>
        <translation>el servicio al que se remitió</translation>
    </message>
    <message>
        <source>why police or EMS were requested</source>
        <translation>por qué se pidió policía o EMS</translation>
    </message>
    <message>
        <source>whether responders felt safe</source>
        <translation>si el equipo se sintió seguro</translation>
    </message>
    <message>
        <source>consent to follow-up</source>
        <translation>consentimiento para el seguimiento</translation>
    </message>
    <message>
        <source>how to contact the person</source>
        <translation>cómo contactar a la persona</translation>
    </message>
    <message>
        <source>the contact phone</source>
        <translation>el teléfono de contacto</translation>
    </message>
    <message>
        <source>To sign, add: %1.</source>
        <translation>Para firmar, añada: %1.</translation>
    </message>
    <message>
        <source>Complete: ready to sign.</source>
        <translation>Completa: lista para firmar.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2. The note is locked: corrections are signed addenda.</source>
        <translation>Firmada por %1 el %2. La nota está bloqueada: las correcciones son adendas firmadas.</translation>
    </message>
    <message>
        <source>%1 (%2), %3:
%4</source>
        <translation>%1 (%2), %3:
%4</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Aún no hay registros.</translation>
    </message>
    <message>
        <source>Addendum by %1, signed %2:
%3</source>
        <translation>Adenda de %1, firmada %2:
%3</translation>
    </message>
    <message>
        <source>No addenda.</source>
        <translation>Sin adendas.</translation>
    </message>
    <message>
        <source>Where to &amp;meet:</source>
        <translation>Lugar de encuentr&amp;o:</translation>
    </message>
    <message>
        <source>An address or a place the person named, and when suits them</source>
        <translation>Una dirección o un lugar que la persona indicó, y cuándo le viene bien</translation>
    </message>
    <message>
        <source>Where to meet the person for follow-up</source>
        <translation>Dónde encontrarse con la persona para el seguimiento</translation>
    </message>
    <message>
        <source>where to meet the person</source>
        <translation>dónde encontrarse con la persona</translation>
    </message>
    <message>
        <source>Their version is shown; what you typed was not saved.</source>
        <translation>Se muestra su versión; lo que escribió no se guardó.</translation>
    </message>
    <message>
        <source>Not saved: someone else changed the note. Choose Reload theirs or Keep mine.</source>
        <translation>No se guardó: otra persona modificó la nota. Elija Recargar la suya o Conservar la mía.</translation>
    </message>
    <message>
        <source>Not saved yet: someone else changed the note. Choose Reload theirs or Keep mine.</source>
        <translation>Aún no se ha guardado: otra persona modificó la nota. Elija Recargar la suya o Conservar la mía.</translation>
    </message>
    <message>
        <source>Not saved: the note was signed meanwhile. Copy what you need into an addendum.</source>
        <translation>No se guardó: la nota se firmó mientras tanto. Copie lo que necesite en una adenda.</translation>
    </message>
    <message>
        <source>What you typed could not be kept as a draft: %1</source>
        <translation>Lo que escribió no se pudo guardar como borrador: %1</translation>
    </message>
    <message>
        <source>A draft of this note was found but could not be read; the note is shown as stored.</source>
        <translation>Se encontró un borrador de esta nota, pero no se pudo leer; la nota se muestra tal como está guardada.</translation>
    </message>
    <message>
        <source>What you typed before HEART Desk stopped is back, but someone else changed the note since. Choose Reload theirs or Keep mine.</source>
        <translation>Lo que escribió antes de que HEART Desk se detuviera ha vuelto, pero otra persona cambió la nota desde entonces. Elija Recargar la suya o Conservar la mía.</translation>
    </message>
    <message>
        <source>What you typed before HEART Desk stopped is back; it is being saved.</source>
        <translation>Lo que escribió antes de que HEART Desk se detuviera ha vuelto; se está guardando.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>C-SSRS</source>
        <translation>C-SSRS</translation>
    </message>
    <message>
        <source>Also chosen differently: %1</source>
        <translation>También elegido de otra forma: %1</translation>
    </message>
    <message>
        <source>(A draft of this note was found but could not be read.)</source>
        <translation>(Se encontró un borrador de esta nota, pero no se pudo leer.)</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>No se pudo descartar el borrador: %1</translation>
    </message>
    <message>
        <source>The changes the signed note never took were discarded.</source>
        <translation>Se descartaron los cambios que la nota firmada nunca recibió.</translation>
    </message>
    <message>
        <source>Before HEART Desk stopped, you typed changes to this note that it never saved, and the note was signed since. They are not in the note; they are shown here. Start an addendum with what still matters, or discard them.</source>
        <translation>Antes de que HEART Desk se detuviera, usted escribió cambios en esta nota que nunca se guardaron, y la nota se firmó después. No están en la nota; se muestran aquí. Empiece un anexo con lo que aún importe, o descártelos.</translation>
    </message>
    <message>
        <source>Your changes the signed note never took</source>
        <translation>Sus cambios que la nota firmada nunca recibió</translation>
    </message>
    <message>
        <source>Start an addendum with this…</source>
        <translation>Empezar un anexo con esto…</translation>
    </message>
    <message>
        <source>Discard these changes</source>
        <translation>Descartar estos cambios</translation>
    </message>
</context>
<context>
    <name>heart::ui::FirstAdminPage</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Welcome to HEART Desk</source>
        <translation>Le damos la bienvenida a HEART Desk</translation>
    </message>
    <message>
        <source>This database has no accounts yet. Create the first administrator: this account adds the other staff and assigns their roles. It cannot open anyone's records.</source>
        <translation>Esta base de datos aún no tiene cuentas. Cree la cuenta del primer administrador: con ella se agrega al resto del personal y se asignan sus roles. Esta cuenta no puede abrir los registros de nadie.</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>Full &amp;name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Con&amp;firmar contraseña:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Create a&amp;dministrator</source>
        <translation>Crear a&amp;dministrador/a</translation>
    </message>
</context>
<context>
    <name>heart::ui::FollowUpDetailPane</name>
    <message>
        <source>Choose a task in the list to see it here.</source>
        <translation>Elija una tarea de la lista para verla aquí.</translation>
    </message>
    <message>
        <source>Not shown to your role</source>
        <translation>No se muestra a su rol</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Person and how to reach them</source>
        <translation>Persona y cómo contactarla</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Original call</source>
        <translation>Llamada original</translation>
    </message>
    <message>
        <source>Call notes (clinical)</source>
        <translation>Notas de la llamada (clínicas)</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Encounter notes (clinical)</source>
        <translation>Notas de la intervención (clínicas)</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <source>No name given</source>
        <translation>Sin nombre</translation>
    </message>
    <message>
        <source>Name not shown to your role</source>
        <translation>El nombre no se muestra a su rol</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Contact was</source>
        <translation>El contacto fue</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Unsuccessful attempts</source>
        <translation>Intentos fallidos</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>the system</source>
        <translation>el sistema</translation>
    </message>
    <message>
        <source>Nothing recorded.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Quien llamó</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>Contacto preferido</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Ninguno registrado</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>No attempts yet.</source>
        <translation>Aún no hay intentos.</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <translation>Usuario desconocido</translation>
    </message>
    <message>
        <source>The call is not on record.</source>
        <translation>La llamada no consta.</translation>
    </message>
    <message>
        <source>, interpreter used</source>
        <translation>, con intérprete</translation>
    </message>
    <message>
        <source>CAD number</source>
        <translation>Número CAD</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Desenlace</translation>
    </message>
    <message>
        <source>No notes on the call.</source>
        <translation>Sin notas en la llamada.</translation>
    </message>
    <message>
        <source>C-SSRS (call)</source>
        <translation>C-SSRS (llamada)</translation>
    </message>
    <message>
        <source>Not screened</source>
        <translation>Sin evaluar</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narración</translation>
    </message>
    <message>
        <source>None written</source>
        <translation>Nada escrito</translation>
    </message>
    <message>
        <source>None: a check-in follows a call resolved by phone, without a visit.</source>
        <translation>Ninguna: un control sigue a una llamada resuelta por teléfono, sin visita.</translation>
    </message>
    <message>
        <source>The encounter note is not on record.</source>
        <translation>La nota de intervención no consta.</translation>
    </message>
    <message>
        <source>A service no longer in the directory</source>
        <translation>Un servicio que ya no está en el directorio</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Remitido a</translation>
    </message>
    <message>
        <source>None: no visit.</source>
        <translation>Ninguna: sin visita.</translation>
    </message>
    <message>
        <source>No clinical notes.</source>
        <translation>Sin notas clínicas.</translation>
    </message>
    <message>
        <source>Presenting concern</source>
        <translation>Motivo de la intervención</translation>
    </message>
    <message>
        <source>C-SSRS (in person)</source>
        <translation>C-SSRS (en persona)</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>No safety plan was made at the visit.</source>
        <translation>No se hizo plan de seguridad en la visita.</translation>
    </message>
    <message>
        <source>1. Warning signs</source>
        <translation>1. Señales de alerta</translation>
    </message>
    <message>
        <source>2. Internal coping strategies</source>
        <translation>2. Estrategias internas para afrontar</translation>
    </message>
    <message>
        <source>3. People and places for distraction</source>
        <translation>3. Personas y lugares para distraerse</translation>
    </message>
    <message>
        <source>4. People to ask for help</source>
        <translation>4. Personas a las que pedir ayuda</translation>
    </message>
    <message>
        <source>5. Professionals and agencies</source>
        <translation>5. Profesionales y agencias</translation>
    </message>
    <message>
        <source>6. Making the environment safe</source>
        <translation>6. Hacer seguro el entorno</translation>
    </message>
    <message>
        <source>Nothing written</source>
        <translation>Nada escrito</translation>
    </message>
    <message>
        <source>Reasons for living</source>
        <translation>Razones para vivir</translation>
    </message>
    <message>
        <source>Final, %1</source>
        <translation>Final, %1</translation>
    </message>
    <message>
        <source>Draft, last saved %1</source>
        <translation>Borrador, guardado por última vez %1</translation>
    </message>
    <message>
        <source>Note on the outcome</source>
        <translation>Nota sobre el resultado</translation>
    </message>
    <message>
        <source>Where to meet</source>
        <translation>Lugar de encuentro</translation>
    </message>
</context>
<context>
    <name>heart::ui::FollowUpPolicyPage</name>
    <message>
        <source>The stored follow-up policy does not read, so no follow-up task can be created until it is saved again: %1</source>
        <translation>La política de seguimiento guardada no se puede leer, así que no se puede crear ninguna tarea de seguimiento hasta guardarla de nuevo: %1</translation>
    </message>
    <message>
        <source>Saved. Follow-up tasks created from now on, on every workstation, are due by this policy; tasks already open keep their due times.</source>
        <translation>Guardado. Las tareas de seguimiento que se creen desde ahora, en todos los puestos, vencen según esta política; las tareas ya abiertas conservan sus vencimientos.</translation>
    </message>
    <message>
        <source>When a follow-up is due after a contact, in hours from the contact (weekends count unless skipped, in the program's time zone), when it shows as due soon, and how many unsuccessful attempts close it as unable to reach.</source>
        <translation>Cuándo vence un seguimiento después de un contacto, en horas desde el contacto (los fines de semana cuentan salvo que se omitan, en la zona horaria del programa), cuándo aparece como a punto de vencer y cuántos intentos fallidos lo cierran como no localizado.</translation>
    </message>
    <message>
        <source>&amp;Time zone (POSIX rule):</source>
        <translation>&amp;Zona horaria (regla POSIX):</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>C&amp;RT follow-up due after:</source>
        <translation>Seguimiento del E&amp;RC vence tras:</translation>
    </message>
    <message>
        <source>Co-Res&amp;ponse follow-up due after:</source>
        <translation>Seguimiento de Corres&amp;puesta vence tras:</translation>
    </message>
    <message>
        <source>CC&amp;D follow-up due after:</source>
        <translation>Seguimiento del &amp;DLC vence tras:</translation>
    </message>
    <message>
        <source>CCD c&amp;heck-in after a diverted call due after:</source>
        <translation>C&amp;ontrol del DLC tras una llamada desviada vence tras:</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>skip weekends</source>
        <translation>omitir fines de semana</translation>
    </message>
    <message>
        <source>Due soon this many hours before (0: never):</source>
        <translation>A punto de vencer estas horas antes (0: nunca):</translation>
    </message>
    <message>
        <source>Due soon hours</source>
        <translation>Horas de a punto de vencer</translation>
    </message>
    <message>
        <source>Unsuccessful attempts that cl&amp;ose a task:</source>
        <translation>Intentos &amp;fallidos que cierran una tarea:</translation>
    </message>
    <message>
        <source>Unsuccessful attempts that close a task</source>
        <translation>Intentos fallidos que cierran una tarea</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Follow-up policy</source>
        <translation>Política de &amp;seguimiento</translation>
    </message>
</context>
<context>
    <name>heart::ui::FollowUpQueueModel</name>
    <message>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Vence pronto</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>Cerrada: %1</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>No name given</source>
        <translation>Sin nombre</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1, call %2</source>
        <translation>%1, llamada %2</translation>
    </message>
    <message>
        <source>Contact %1, due %2</source>
        <translation>Contacto %1, vence %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Contact by</source>
        <translation>Contactar por</translation>
    </message>
    <message>
        <source>Due (%1)</source>
        <translation>Vence (%1)</translation>
    </message>
</context>
<context>
    <name>heart::ui::FollowUpQueueWidget</name>
    <message>
        <source>Someone else changed this task meanwhile. It has been read again: check it and try again.</source>
        <translation>Otra persona cambió esta tarea mientras tanto. Se ha leído de nuevo: revísela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>It no longer matches the filters, so it has left the list.</source>
        <translation>Ya no cumple los filtros, así que ha salido de la lista.</translation>
    </message>
    <message>
        <source>Claimed: the task is yours.</source>
        <translation>Reclamada: la tarea es suya.</translation>
    </message>
    <message>
        <source>Back in the unassigned queue.</source>
        <translation>De vuelta en la cola sin asignar.</translation>
    </message>
    <message>
        <source>Assigned to %1.</source>
        <translation>Asignada a %1.</translation>
    </message>
    <message>
        <source>Attempt logged: %1 by %2.</source>
        <translation>Intento registrado: %1 por %2.</translation>
    </message>
    <message>
        <source>That was the last attempt allowed: the task is closed as unable to reach.</source>
        <translation>Era el último intento permitido: la tarea se cierra como «no se le pudo localizar».</translation>
    </message>
    <message>
        <source>%1 of %2 unsuccessful attempts.</source>
        <translation>%1 de %2 intentos fallidos.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Outcome recorded (%1); the task is closed.</source>
        <translation>Resultado registrado (%1); la tarea está cerrada.</translation>
    </message>
    <message>
        <source>Extend the attempts</source>
        <translation>Ampliar los intentos</translation>
    </message>
    <message>
        <source>The task closed as unable to reach after %1 attempts. How many more attempts (this reopens it)?</source>
        <translation>La tarea se cerró como «no se le pudo localizar» tras %1 intentos. ¿Cuántos intentos más (esto la reabre)?</translation>
    </message>
    <message>
        <source>%1 of %2 unsuccessful attempts so far. How many more attempts?</source>
        <translation>%1 de %2 intentos fallidos hasta ahora. ¿Cuántos intentos más?</translation>
    </message>
    <message>
        <source>Extend</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Reopened: %1 attempts allowed now.</source>
        <translation>Reabierta: ahora se permiten %1 intentos.</translation>
    </message>
    <message>
        <source>Extended: %1 attempts allowed now.</source>
        <translation>Ampliada: ahora se permiten %1 intentos.</translation>
    </message>
    <message>
        <source>Choose a task in the list to see it here.</source>
        <translation>Elija una tarea de la lista para verla aquí.</translation>
    </message>
    <message>
        <source>Queue refreshed.</source>
        <translation>Cola actualizada.</translation>
    </message>
    <message>
        <source>No task matches these filters.</source>
        <translation>Ninguna tarea cumple estos filtros.</translation>
    </message>
    <message>
        <source>The queue is empty: no follow-up task is open.</source>
        <translation>La cola está vacía: no hay tareas de seguimiento abiertas.</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tarea</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 tareas</translation>
    </message>
    <message>
        <source>Follow-up queue</source>
        <translation>Cola de seguimiento</translation>
    </message>
    <message>
        <source>Follow-ups are due within 48 hours of a CCD or CRT contact. Overdue first.</source>
        <translation>Los seguimientos vencen a las 48 horas de un contacto de CCD o CRT. Las vencidas primero.</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>Tareas de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Míos</translation>
    </message>
    <message>
        <source>Only the tasks assigned to you</source>
        <translation>Solo las tareas asignadas a usted</translation>
    </message>
    <message>
        <source>Unassi&amp;gned</source>
        <translation>Sin a&amp;signar</translation>
    </message>
    <message>
        <source>Only the tasks nobody has claimed</source>
        <translation>Solo las tareas que nadie ha reclamado</translation>
    </message>
    <message>
        <source>Due &amp;today</source>
        <translation>Vencen &amp;hoy</translation>
    </message>
    <message>
        <source>&amp;Overdue</source>
        <translation>Venci&amp;das</translation>
    </message>
    <message>
        <source>Due &amp;soon</source>
        <translation>Vencen pr&amp;onto</translation>
    </message>
    <message>
        <source>Open tasks due in the next %1 hours</source>
        <translation>Tareas abiertas que vencen en las próximas %1 horas</translation>
    </message>
    <message>
        <source>Include &amp;closed</source>
        <translation>Incluir &amp;cerradas</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>P&amp;rograma:</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Todos los programas</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualizar (F5)</translation>
    </message>
    <message>
        <source>Read the queue again</source>
        <translation>Leer de nuevo la cola</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Reclamar</translation>
    </message>
    <message>
        <source>Take this task yourself</source>
        <translation>Tomar esta tarea usted</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Give this task to someone, or back to the unassigned queue</source>
        <translation>Dar esta tarea a alguien, o devolverla a la cola sin asignar</translation>
    </message>
    <message>
        <source>Log attempt…</source>
        <translation>Registrar intento…</translation>
    </message>
    <message>
        <source>Record a try to reach the person: phone, text or in person</source>
        <translation>Registrar un intento de contactar a la persona: teléfono, texto o en persona</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Registrar resultado…</translation>
    </message>
    <message>
        <source>Close the task: connected to a service, declined, already connected or unable to reach</source>
        <translation>Cerrar la tarea: conectada a un servicio, rehusó, ya recibe atención o no se le pudo localizar</translation>
    </message>
    <message>
        <source>Extend attempts…</source>
        <translation>Ampliar intentos…</translation>
    </message>
    <message>
        <source>Allow more attempts before the task closes as unable to reach</source>
        <translation>Permitir más intentos antes de que la tarea se cierre como «no se le pudo localizar»</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Their version of the task is shown; what you typed was not saved.</source>
        <translation>Se muestra su versión de la tarea; lo que escribió no se guardó.</translation>
    </message>
    <message>
        <source>Person's or assignee's name (Ctrl+F)</source>
        <translation>Nombre de la persona o de quien tiene la tarea (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search by the person's or the assignee's name</source>
        <translation>Buscar por el nombre de la persona o de quien tiene la tarea</translation>
    </message>
    <message>
        <source>Lists the tasks where each word you type begins a word of the person's or the assignee's name; accents and capitals do not matter ("mar" finds María Pérez and Ana Marín, "perez" finds Pérez)</source>
        <translation>Muestra las tareas en las que cada palabra que escribe es el comienzo de una palabra del nombre de la persona o de quien tiene la tarea; los acentos y las mayúsculas no importan ("mar" encuentra a María Pérez y a Ana Marín, "perez" encuentra a Pérez)</translation>
    </message>
</context>
<context>
    <name>heart::ui::IdleLockPage</name>
    <message numerus="yes">
        <source>Saved. Every workstation now locks after %n idle minute(s).</source>
        <translation>
            <numerusform>Guardado. Ahora todos los puestos se bloquean tras %n minuto de inactividad.</numerusform>
            <numerusform>Guardado. Ahora todos los puestos se bloquean tras %n minutos de inactividad.</numerusform>
        </translation>
    </message>
    <message>
        <source>A workstation nobody has used for this long locks itself: the person signed in types their password to go on. Records on screen stay hidden meanwhile.</source>
        <translation>Un puesto que nadie ha usado durante este tiempo se bloquea solo: la persona con la sesión iniciada escribe su contraseña para seguir. Mientras tanto, los registros en pantalla quedan ocultos.</translation>
    </message>
    <message>
        <source>&amp;Lock after idle minutes:</source>
        <translation>Bloquear &amp;tras minutos de inactividad:</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Auto-lock</source>
        <translation>&amp;Bloqueo automático</translation>
    </message>
</context>
<context>
    <name>heart::ui::ImpactView</name>
    <message>
        <source>%1: %2 calls become eligible, %3 become ineligible</source>
        <translation>%1: %2 llamadas pasan a ser elegibles, %3 dejan de serlo</translation>
    </message>
    <message>
        <source>%1 calls become eligible, %2 become ineligible</source>
        <translation>%1 llamadas pasan a ser elegibles, %2 dejan de serlo</translation>
    </message>
    <message>
        <source>(no beat)</source>
        <translation>(sin sector)</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Change in eligible calls by weekday and hour</source>
        <translation>Cambio en las llamadas elegibles por día de la semana y hora</translation>
    </message>
    <message>
        <source>By hour of the week and by beat, for &amp;program:</source>
        <translation>Por hora de la semana y por sector, para el &amp;programa:</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Eligible before</source>
        <translation>Elegibles antes</translation>
    </message>
    <message>
        <source>Eligible after</source>
        <translation>Elegibles después</translation>
    </message>
    <message>
        <source>Become eligible</source>
        <translation>Pasan a ser elegibles</translation>
    </message>
    <message>
        <source>Become ineligible</source>
        <translation>Dejan de ser elegibles</translation>
    </message>
    <message>
        <source>Team-hours a week</source>
        <translation>Horas-equipo por semana</translation>
    </message>
    <message>
        <source>Most teams at once</source>
        <translation>Máximo de equipos a la vez</translation>
    </message>
    <message>
        <source>Open hours a week</source>
        <translation>Horas de servicio por semana</translation>
    </message>
    <message>
        <source>Change per program</source>
        <translation>Cambio por programa</translation>
    </message>
    <message>
        <source>By &amp;beat (beats with a change):</source>
        <translation>Por &amp;sector (sectores con algún cambio):</translation>
    </message>
    <message>
        <source>Beat</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Preview the impact to see what the new rules would have done to the calls of the last weeks.</source>
        <translation>Vea el impacto para saber qué habrían hecho las nuevas reglas con las llamadas de las últimas semanas.</translation>
    </message>
    <message>
        <source>Calls of the last %1 weeks replayed under both rule sets: %2; eligibility changes: %3.</source>
        <translation>Llamadas de las últimas %1 semanas reproducidas con ambos conjuntos de reglas: %2; cambios de elegibilidad: %3.</translation>
    </message>
    <message>
        <source>Sta&amp;ffing: the teams each program's hours need (team-hours a week) against what the current roster provides in those hours (its responders are CRT's), the open hours it leaves short, before → after:</source>
        <translation>Dotación de &amp;equipos: los equipos que necesita el horario de cada programa (horas-equipo por semana) frente a lo que aporta la lista de turnos vigente en esas horas (sus intervinientes son del ERC), y las horas abiertas que deja sin cubrir, antes → después:</translation>
    </message>
    <message>
        <source>Teams needed</source>
        <translation>Equipos necesarios</translation>
    </message>
    <message>
        <source>Roster provides</source>
        <translation>La lista de turnos aporta</translation>
    </message>
    <message>
        <source>Hours short</source>
        <translation>Horas sin cubrir</translation>
    </message>
    <message>
        <source>Team-hours short</source>
        <translation>Horas-equipo que faltan</translation>
    </message>
    <message>
        <source>To close the gaps (new rules)</source>
        <translation>Para cubrir los huecos (reglas nuevas)</translation>
    </message>
    <message>
        <source>Staffing against the current roster, per program</source>
        <translation>Dotación frente a la lista de turnos vigente, por programa</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>cubierto</translation>
    </message>
    <message numerus="yes">
        <source>not on the roster: %n team-hour(s) a week to staff</source>
        <translation><numerusform>no está en la lista de turnos: %n hora-equipo a la semana por cubrir</numerusform><numerusform>no está en la lista de turnos: %n horas-equipo a la semana por cubrir</numerusform></translation>
    </message>
    <message>
        <source>+%1 clinician(s), +%2 peer support/EMT</source>
        <translation>+%1 clínico(s), +%2 apoyo entre pares/TEM</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) no shift reaches</source>
        <translation><numerusform>%n hora que ningún turno cubre</numerusform><numerusform>%n horas que ningún turno cubre</numerusform></translation>
    </message>
    <message>
        <source>not on the roster</source>
        <translation>no está en la lista de turnos</translation>
    </message>
</context>
<context>
    <name>heart::ui::IntakeForm</name>
    <message>
        <source>&amp;CAD number:</source>
        <translation>Número &amp;CAD:</translation>
    </message>
    <message>
        <source>Caller na&amp;me:</source>
        <translation>&amp;Nombre de quien llama:</translation>
    </message>
    <message>
        <source>Callback &amp;phone:</source>
        <translation>Telé&amp;fono de contacto:</translation>
    </message>
    <message>
        <source>Re&amp;lationship:</source>
        <translation>Re&amp;lación:</translation>
    </message>
    <message>
        <source>Person's &amp;name:</source>
        <translation>Nombre de la &amp;persona:</translation>
    </message>
    <message>
        <source>Approximate &amp;age:</source>
        <translation>&amp;Edad aproximada:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <source>Find or link person… (Ctrl+F)</source>
        <translation>Buscar o vincular persona… (Ctrl+F)</translation>
    </message>
    <message>
        <source>History (Ctrl+H)</source>
        <translation>Historial (Ctrl+H)</translation>
    </message>
    <message>
        <source>Addre&amp;ss:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>La&amp;titude:</source>
        <translation>Latitud:</translation>
    </message>
    <message>
        <source>Longitude:</source>
        <translation>Longitud:</translation>
    </message>
    <message>
        <source>&amp;Beat:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <source>Call t&amp;ype:</source>
        <translation>&amp;Tipo de llamada:</translation>
    </message>
    <message>
        <source>Flags:</source>
        <translation>Señales:</translation>
    </message>
    <message>
        <source>&amp;Weapon reported</source>
        <translation>Se reporta un ar&amp;ma</translation>
    </message>
    <message>
        <source>Violence toward &amp;others</source>
        <translation>Violencia hacia &amp;otras personas</translation>
    </message>
    <message>
        <source>Medical &amp;emergency</source>
        <translation>Emer&amp;gencia médica</translation>
    </message>
    <message>
        <source>&amp;Intoxication</source>
        <translation>Into&amp;xicación</translation>
    </message>
    <message>
        <source>Minors present</source>
        <translation>Hay menores presentes</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Interpreter &amp;joined</source>
        <translation>&amp;Hubo intérprete</translation>
    </message>
    <message>
        <source>Narrative:</source>
        <translation>Narración:</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>Res&amp;ultado:</translation>
    </message>
    <message>
        <source>Reason (re&amp;quired against the recommendation):</source>
        <translation>Motivo (o&amp;bligatorio si no se sigue la recomendación):</translation>
    </message>
    <message>
        <source>&amp;Unit to send:</source>
        <translation>Unidad a enviar:</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Dispatch (Ctrl+D)</source>
        <translation>Despachar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Close call (Ctrl+E)</source>
        <translation>Cerrar llamada (Ctrl+E)</translation>
    </message>
    <message>
        <source>Addendum (Ctrl+Shift+A)</source>
        <translation>Adenda (Ctrl+Mayús+A)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>e.g. (919) 555-0142</source>
        <translation>p. ej. (919) 555-0142</translation>
    </message>
    <message>
        <source>e.g. 35.9940</source>
        <translation>p. ej. 35.9940</translation>
    </message>
    <message>
        <source>e.g. -78.8986</source>
        <translation>p. ej. -78.8986</translation>
    </message>
    <message>
        <source>self</source>
        <translation>la misma persona</translation>
    </message>
    <message>
        <source>family</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>bystander</source>
        <translation>testigo</translation>
    </message>
    <message>
        <source>professional</source>
        <translation>profesional</translation>
    </message>
    <message>
        <source>– not decided –</source>
        <translation>– sin decidir –</translation>
    </message>
    <message>
        <source>New call</source>
        <translation>Llamada nueva</translation>
    </message>
    <message>
        <source>New call %1</source>
        <translation>Llamada nueva %1</translation>
    </message>
    <message>
        <source>Call %1 (closed)</source>
        <translation>Llamada %1 (cerrada)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Llamada %1</translation>
    </message>
    <message>
        <source>Restored from the draft saved before the program stopped.</source>
        <translation>Restaurada del borrador guardado antes de que el programa se detuviera.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>No se pudo guardar el borrador: %1</translation>
    </message>
    <message>
        <source>Draft saved %1.</source>
        <translation>Borrador guardado %1.</translation>
    </message>
    <message>
        <source>The time received is in the future.</source>
        <translation>La hora de recepción está en el futuro.</translation>
    </message>
    <message>
        <source>The time received is more than 7 days ago.</source>
        <translation>La hora de recepción es de hace más de 7 días.</translation>
    </message>
    <message>
        <source>These coordinates are outside the world (latitude -90 to 90, longitude -180 to 180).</source>
        <translation>Estas coordenadas están fuera del mundo (latitud de -90 a 90, longitud de -180 a 180).</translation>
    </message>
    <message>
        <source>This phone number cannot be dialed (%1).</source>
        <translation>No se puede marcar este número de teléfono (%1).</translation>
    </message>
    <message>
        <source>A CAD number is 3 to 32 letters, digits, '-' or '_'.</source>
        <translation>Un número CAD tiene de 3 a 32 letras, dígitos, '-' o '_'.</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>escrito</translation>
    </message>
    <message>
        <source>Choose the call type to see which programs can answer.</source>
        <translation>Elija el tipo de llamada para ver qué programas pueden atenderla.</translation>
    </message>
    <message>
        <source>No rule set is in force on %1.</source>
        <translation>No hay reglas vigentes el %1.</translation>
    </message>
    <message>
        <source>Coordinates are decimal degrees, e.g. 35.9940 and -78.8986.</source>
        <translation>Las coordenadas van en grados decimales, p. ej. 35.9940 y -78.8986.</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>Indique latitud y longitud, o ninguna.</translation>
    </message>
    <message>
        <source>"%1" is not a call type of the rules in force.</source>
        <translation>"%1" no es un tipo de llamada de las reglas vigentes.</translation>
    </message>
    <message>
        <source>This is not what the routing recommends: say why.</source>
        <translation>Esto no es lo que recomienda la derivación: explique por qué.</translation>
    </message>
    <message>
        <source>Choose the unit to send.</source>
        <translation>Elija la unidad que se envía.</translation>
    </message>
    <message>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>No se guardó: corrija los campos marcados en rojo.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No se guardó: %1</translation>
    </message>
    <message>
        <source>This CAD number belongs to another call.</source>
        <translation>Este número CAD pertenece a otra llamada.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardada.</translation>
    </message>
    <message>
        <source>Choose CRT or Co-Response dispatch as the disposition first.</source>
        <translation>Primero elija como resultado el despacho de CRT o de Corespuesta.</translation>
    </message>
    <message>
        <source>Not dispatched: %1</source>
        <translation>No se despachó: %1</translation>
    </message>
    <message>
        <source>%1 dispatched.</source>
        <translation>%1 despachada.</translation>
    </message>
    <message>
        <source>Record the disposition before closing the call.</source>
        <translation>Registre el resultado antes de cerrar la llamada.</translation>
    </message>
    <message>
        <source>Not closed: %1</source>
        <translation>No se cerró: %1</translation>
    </message>
    <message>
        <source>Call closed. Changes now go through an addendum (Ctrl+Shift+A).</source>
        <translation>Llamada cerrada. Los cambios ahora se hacen con una adenda (Ctrl+Mayús+A).</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Correction or addition to the closed call:</source>
        <translation>Corrección o añadido a la llamada cerrada:</translation>
    </message>
    <message>
        <source>Addendum not saved: %1</source>
        <translation>No se guardó la adenda: %1</translation>
    </message>
    <message>
        <source>Addendum saved.</source>
        <translation>Adenda guardada.</translation>
    </message>
    <message>
        <source>Linked: %1</source>
        <translation>Vinculada: %1</translation>
    </message>
    <message>
        <source>Not dispatched: %1 is %2. Choose an available unit.</source>
        <translation>No se despachó: %1 está %2. Elija una unidad disponible.</translation>
    </message>
    <message>
        <source>Closed — read only; add an addendum with Ctrl+Shift+A.</source>
        <translation>Cerrada — solo lectura; añada un anexo con Ctrl+Mayús+A.</translation>
    </message>
    <message>
        <source>Reopened from your drafts.</source>
        <translation>Abierta de nuevo desde sus borradores.</translation>
    </message>
    <message>
        <source>No CAD number could be handed out (%1): type the CAD number.</source>
        <translation>No se pudo asignar un número CAD (%1): escriba el número CAD.</translation>
    </message>
    <message>
        <source>the coordinates are outside every beat</source>
        <translation>las coordenadas están fuera de todos los sectores</translation>
    </message>
    <message>
        <source>found from the coordinates</source>
        <translation>obtenido de las coordenadas</translation>
    </message>
    <message>
        <source>Found from the coordinates; type another beat to change it.</source>
        <translation>Obtenido de las coordenadas; escriba otro sector para cambiarlo.</translation>
    </message>
    <message>
        <source>%1 is %2: busy, it cannot be sent until it clears.</source>
        <translation>%1 está %2: ocupada, no se puede enviar hasta que quede libre.</translation>
    </message>
    <message>
        <source>%1 is %2 on call %3: busy, it cannot be sent until it clears.</source>
        <translation>%1 está %2 en la llamada %3: ocupada, no se puede enviar hasta que quede libre.</translation>
    </message>
    <message>
        <source>%1 is %2 on this call.</source>
        <translation>%1 está %2 en esta llamada.</translation>
    </message>
    <message>
        <source>%1 is %2: it can be sent.</source>
        <translation>%1 está %2: se puede enviar.</translation>
    </message>
    <message>
        <source>%1 — %2, busy</source>
        <translation>%1 — %2, ocupada</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Close the call</source>
        <translation>Cerrar la llamada</translation>
    </message>
    <message>
        <source>%1 was sent to this call and has not reported clear. Close the call anyway?</source>
        <translation>%1 fue enviada a esta llamada y no ha informado que terminó. ¿Cerrar la llamada de todos modos?</translation>
    </message>
    <message>
        <source>%1 is still %2 on this call and has not cleared. Close the call anyway?</source>
        <translation>%1 sigue %2 en esta llamada y no ha terminado. ¿Cerrar la llamada de todos modos?</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Dejarla abierta</translation>
    </message>
    <message>
        <source>Not closed: the unit has not cleared.</source>
        <translation>No se cerró: la unidad no ha terminado.</translation>
    </message>
    <message>
        <source>&amp;Received (%1):</source>
        <translation>&amp;Recibida (%1):</translation>
    </message>
    <message>
        <source>The time the call came in, in the program's time zone (%1)</source>
        <translation>La hora en que entró la llamada, en la zona horaria del programa (%1)</translation>
    </message>
    <message>
        <source>Not saved yet: someone else changed this call. Choose Reload theirs or Keep mine.</source>
        <translation>Aún no se ha guardado: otra persona modificó esta llamada. Elija Recargar la suya o Conservar la mía.</translation>
    </message>
    <message>
        <source>Their version is shown; what you typed was not saved.</source>
        <translation>Se muestra su versión; lo que escribió no se guardó.</translation>
    </message>
    <message>
        <source>Not saved: the call was closed meanwhile. Add what you need as an addendum (Ctrl+Shift+A).</source>
        <translation>No se guardó: la llamada se cerró mientras tanto. Añada lo que necesite como adenda (Ctrl+Mayús+A).</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this call. Choose Reload theirs or Keep mine.</source>
        <translation>No se guardó: otra persona modificó esta llamada. Elija Recargar la suya o Conservar la mía.</translation>
    </message>
    <message>
        <source>The CAD's changes could not be read: %1</source>
        <translation>No se pudieron leer los cambios del CAD: %1</translation>
    </message>
    <message>
        <source>The CAD's changes are in the form. Save the call to keep them (Ctrl+S).</source>
        <translation>Los cambios del CAD están en el formulario. Guarde la llamada para conservarlos (Ctrl+S).</translation>
    </message>
    <message>
        <source>The draft saved for this call could not be read (%1), so this form is empty. The other calls and drafts are not affected.</source>
        <translation>El borrador guardado de esta llamada no se pudo leer (%1), así que este formulario está vacío. Las demás llamadas y borradores no se ven afectados.</translation>
    </message>
</context>
<context>
    <name>heart::ui::LogAttemptDialog</name>
    <message>
        <source>&amp;Save attempt</source>
        <translation>&amp;Guardar intento</translation>
    </message>
    <message>
        <source>Log an attempt</source>
        <translation>Registrar un intento</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Cómo</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>&amp;Text message</source>
        <translation>&amp;Mensaje de texto</translation>
    </message>
    <message>
        <source>&amp;In person</source>
        <translation>En &amp;persona</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Reached</source>
        <translation>Se le &amp;localizó</translation>
    </message>
    <message>
        <source>&amp;No answer</source>
        <translation>&amp;No contestó</translation>
    </message>
    <message>
        <source>&amp;Left a message</source>
        <translation>Se &amp;dejó un mensaje</translation>
    </message>
    <message>
        <source>&amp;Wrong number</source>
        <translation>Número &amp;equivocado</translation>
    </message>
    <message>
        <source>Not&amp;e (optional):</source>
        <translation>Nota (&amp;opcional):</translation>
    </message>
    <message>
        <source>What was said or left, a better time or number to try</source>
        <translation>Qué se dijo o se dejó, una hora o un número mejores para intentarlo</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>La nota es demasiado larga: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>Choose the result.</source>
        <translation>Elija el resultado.</translation>
    </message>
    <message>
        <source>This is the last attempt allowed: saving it closes the task as unable to reach (it can be extended afterwards).</source>
        <translation>Es el último intento permitido: al guardarlo la tarea se cierra como «no se le pudo localizar» (se puede ampliar después).</translation>
    </message>
</context>
<context>
    <name>heart::ui::MainWindow</name>
    <message>
        <source>Draft not saved</source>
        <translation>Borrador no guardado</translation>
    </message>
    <message>
        <source>The unsaved form could not be kept as a draft: %1</source>
        <translation>No se pudo conservar como borrador el formulario sin guardar: %1</translation>
    </message>
    <message>
        <source>Your unsaved work from the last session was restored.</source>
        <translation>Se restauró el trabajo sin guardar de su última sesión.</translation>
    </message>
    <message>
        <source>Role not changed</source>
        <translation>No se cambió el rol</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Sesión iniciada: %1 (%2)</translation>
    </message>
    <message>
        <source>Role: %1</source>
        <translation>Rol: %1</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Sin sesión iniciada</translation>
    </message>
    <message>
        <source>Local file: %1</source>
        <translation>Archivo local: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Servidor: %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>HEART Desk — %1</source>
        <translation>HEART Desk — %1</translation>
    </message>
    <message>
        <source>HEART Desk</source>
        <translation>HEART Desk</translation>
    </message>
    <message>
        <source>About HEART Desk</source>
        <translation>Acerca de HEART Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HEART Desk %1&lt;/h3&gt;&lt;p&gt;For alternative 911 crisis response programs: crisis call counselors, community response teams, care navigators and their supervisors.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HEART Desk %1&lt;/h3&gt;&lt;p&gt;Para programas alternativos de respuesta a crisis del 911: consejeros de llamadas de crisis, equipos de respuesta comunitaria, navegadores de cuidados y sus supervisores.&lt;/p&gt;&lt;p&gt;Publicado bajo la licencia Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Lock screen</source>
        <translation>&amp;Bloquear pantalla</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Home screen</source>
        <translation>&amp;Pantalla de inicio</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;About HEART Desk</source>
        <translation>Acerca &amp;de HEART Desk</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Roster</source>
        <translation>&amp;Turnos</translation>
    </message>
    <message>
        <source>Team &amp;board</source>
        <translation>Ta&amp;blero de equipos</translation>
    </message>
    <message>
        <source>Resource directory — HEART Desk</source>
        <translation>Directorio de recursos — HEART Desk</translation>
    </message>
    <message>
        <source>Resource &amp;directory…</source>
        <translation>&amp;Directorio de recursos…</translation>
    </message>
    <message>
        <source>Follow-&amp;ups</source>
        <translation>Se&amp;guimientos</translation>
    </message>
    <message>
        <source>Follow-up queue — HEART Desk</source>
        <translation>Cola de seguimiento — HEART Desk</translation>
    </message>
    <message>
        <source>&amp;Follow-up queue…</source>
        <translation>Cola de &amp;seguimiento…</translation>
    </message>
    <message>
        <source>%1 left calls at imminent risk that are not saved as calls: %2. Signing in puts them aside as %1's drafts, where no one else sees them. Sign in anyway?</source>
        <translation>%1 dejó llamadas con riesgo inminente que no están guardadas como llamadas: %2. Al iniciar sesión quedan apartadas como borradores de %1, donde nadie más las ve. ¿Iniciar sesión de todos modos?</translation>
    </message>
    <message>
        <source>Sign in anyway</source>
        <translation>Iniciar sesión de todos modos</translation>
    </message>
    <message>
        <source>Not signed in: %1 has calls at imminent risk on this screen.</source>
        <translation>No se inició sesión: %1 tiene llamadas con riesgo inminente en esta pantalla.</translation>
    </message>
    <message>
        <source>These calls are at imminent risk and not saved as calls: %1. Signing out keeps them only as your drafts, where no one else sees them. Sign out anyway?</source>
        <translation>Estas llamadas tienen riesgo inminente y no están guardadas como llamadas: %1. Al cerrar sesión quedan solo como sus borradores, donde nadie más las ve. ¿Cerrar sesión de todos modos?</translation>
    </message>
    <message>
        <source>Sign out anyway</source>
        <translation>Cerrar sesión de todos modos</translation>
    </message>
    <message>
        <source>These calls are at imminent risk and not saved as calls: %1. Changing your role keeps them only as your drafts, where no one else sees them. Change role anyway?</source>
        <translation>Estas llamadas tienen riesgo inminente y no están guardadas como llamadas: %1. Al cambiar de rol quedan solo como sus borradores, donde nadie más las ve. ¿Cambiar de rol de todos modos?</translation>
    </message>
    <message>
        <source>Change role anyway</source>
        <translation>Cambiar de rol de todos modos</translation>
    </message>
    <message>
        <source>These calls are at imminent risk and not saved as calls: %1. Quitting keeps them only as your drafts, where no one else sees them. Quit anyway?</source>
        <translation>Estas llamadas tienen riesgo inminente y no están guardadas como llamadas: %1. Al salir quedan solo como sus borradores, donde nadie más las ve. ¿Salir de todos modos?</translation>
    </message>
    <message>
        <source>Quit anyway</source>
        <translation>Salir de todos modos</translation>
    </message>
    <message>
        <source>Calls at imminent risk</source>
        <translation>Llamadas con riesgo inminente</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting… What you type is kept.</source>
        <translation>Conexión perdida, reconectando… Lo que escribe se conserva.</translation>
    </message>
    <message>
        <source>Program rules — HEART Desk</source>
        <translation>Reglas del programa — HEART Desk</translation>
    </message>
    <message>
        <source>Program &amp;rules…</source>
        <translation>Reglas del pro&amp;grama…</translation>
    </message>
    <message>
        <source>Program settings — HEART Desk</source>
        <translation>Configuración del programa — HEART Desk</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Lock the screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Sign out&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Quit&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Home&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Home screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Resource directory&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Follow-up queue (peer support, counselors)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Program rules (administrators; supervisors read them)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Program settings (administrators; supervisors read them)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2 / F3 / F4 / F5 / F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Team lead: my unit / encounter note / safety plan / prior contacts / team board&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+C / F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Team lead: copy the callback number / print the person's latest safety plan again&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 … Ctrl+7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Team lead: unit status&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+C / Ctrl+Shift+X&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Call from the CAD: use / dismiss the CAD's changes&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Shift+S / Ctrl+Shift+A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Encounter note: sign / add a signed addendum&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P / Ctrl+Shift+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Safety plan: print / save as PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Refresh the list on list screens&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Left / Alt+Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Report: the period before / after&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Report: the calls behind the chosen number&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K / Ctrl+Shift+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Follow-up queue: claim / assign the task&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T / Ctrl+Shift+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Follow-up queue: log an attempt / extend the attempts&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Follow-up queue: record the outcome&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;This list of shortcuts&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+E / Ctrl+Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;English / Spanish&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Bloquear la pantalla&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+L&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cerrar sesión&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Q&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Salir&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Inicio&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Pantalla de inicio&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Directorio de recursos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cola de seguimiento (apoyo entre pares, consejeros)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Reglas del programa (administradores; los supervisores las leen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Configuración del programa (administradores; los supervisores la consultan)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F2 / F3 / F4 / F5 / F6&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Líder de equipo: mi unidad / nota de intervención / plan de seguridad / contactos previos / tablero de equipos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+C / F8&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Líder de equipo: copiar el número de devolución de llamada / volver a imprimir el último plan de seguridad de la persona&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 … Ctrl+7&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Líder de equipo: estado de la unidad&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+C / Ctrl+Mayús+X&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Llamada del CAD: usar / descartar los cambios del CAD&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Mayús+S / Ctrl+Mayús+A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Nota de intervención: firmar / añadir una adenda firmada&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+P / Ctrl+Mayús+P&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Plan de seguridad: imprimir / guardar como PDF&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Actualizar la lista en las pantallas de listas&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Izquierda / Alt+Derecha&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Informe: el periodo anterior / siguiente&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Intro&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Informe: las llamadas detrás del número elegido&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+K / Ctrl+Mayús+K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cola de seguimiento: reclamar / asignar la tarea&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T / Ctrl+Mayús+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cola de seguimiento: registrar un intento / ampliar los intentos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Cola de seguimiento: registrar el resultado&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F1&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Esta lista de atajos&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Alt+E / Ctrl+Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Inglés / español&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Program settin&amp;gs…</source>
        <translation>Confi&amp;guración del programa…</translation>
    </message>
</context>
<context>
    <name>heart::ui::NatureCodesPage</name>
    <message>
        <source>Import the nature-code table</source>
        <translation>Importar la tabla de códigos de naturaleza</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Nothing was changed.</source>
        <translation>No se puede leer %1: %2. No se ha cambiado nada.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n code(s) from %1. Calls from the CAD are typed by this table from now on, on every workstation.</source>
        <translation>
            <numerusform>Importado %n código de %1. Desde ahora las llamadas del CAD se clasifican con esta tabla, en todos los puestos.</numerusform>
            <numerusform>Importados %n códigos de %1. Desde ahora las llamadas del CAD se clasifican con esta tabla, en todos los puestos.</numerusform>
        </translation>
    </message>
    <message>
        <source>The CAD names each incident by the center's own nature codes. This table maps them to the rule sets' call types, so a call from the CAD is routed. Import it as CSV: code,call_type[,description], one code a line; every call type must be one the rule sets know.</source>
        <translation>El CAD nombra cada incidente con los códigos de naturaleza propios del centro. Esta tabla los asigna a los tipos de llamada de los conjuntos de reglas, para que una llamada del CAD se enrute. Impórtela en CSV: code,call_type[,description], un código por línea; cada tipo de llamada debe ser uno que conozcan los conjuntos de reglas.</translation>
    </message>
    <message numerus="yes">
        <source>The demo center's table (none imported yet): %n code(s).</source>
        <translation>
            <numerusform>La tabla del centro de demostración (aún no se ha importado ninguna): %n código.</numerusform>
            <numerusform>La tabla del centro de demostración (aún no se ha importado ninguna): %n códigos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The center's table: %n code(s).</source>
        <translation>
            <numerusform>La tabla del centro: %n código.</numerusform>
            <numerusform>La tabla del centro: %n códigos.</numerusform>
        </translation>
    </message>
    <message>
        <source>CAD code</source>
        <translation>Código del CAD</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Nature codes</source>
        <translation>Códigos de naturaleza</translation>
    </message>
    <message>
        <source>&amp;Import from CSV…</source>
        <translation>&amp;Importar de CSV…</translation>
    </message>
    <message>
        <source>&amp;Nature codes</source>
        <translation>Códigos de &amp;naturaleza</translation>
    </message>
</context>
<context>
    <name>heart::ui::NewUserForm</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>New staff account</source>
        <translation>Nueva cuenta de personal</translation>
    </message>
    <message>
        <source>User &amp;ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>Full na&amp;me:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>Initial pass&amp;word:</source>
        <translation>&amp;Contraseña inicial:</translation>
    </message>
    <message>
        <source>&amp;Add account</source>
        <translation>Agregar cuen&amp;ta</translation>
    </message>
    <message>
        <source>Confirm pa&amp;ssword:</source>
        <translation>Confirmar contra&amp;seña:</translation>
    </message>
</context>
<context>
    <name>heart::ui::PersonDialog</name>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Link to the call</source>
        <translation>&amp;Vincular a la llamada</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Nueva persona</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>Person in crisis</source>
        <translation>Persona en crisis</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>También conocida como</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Nacimiento</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>Matched on</source>
        <translation>Coincide en</translation>
    </message>
    <message>
        <source>Na&amp;me or alias:</source>
        <translation>No&amp;mbre o alias:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <source>&amp;Born:</source>
        <translation>Fecha de nac&amp;imiento:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type at least two letters of a name, a phone number or a date of birth.</source>
        <translation>Escriba al menos dos letras de un nombre, un teléfono o una fecha de nacimiento.</translation>
    </message>
    <message>
        <source>Nobody found. Create a new person with Alt+N.</source>
        <translation>No se encontró a nadie. Cree una persona nueva con Alt+N.</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found. Enter links the selected one.</source>
        <translation>
            <numerusform>Se encontró %n persona. Intro vincula la seleccionada.</numerusform>
            <numerusform>Se encontraron %n personas. Intro vincula la seleccionada.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the person's name first.</source>
        <translation>Primero escriba el nombre de la persona.</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Posible duplicado</translation>
    </message>
    <message>
        <source>These people may be the same person: %1. Create a new record anyway?</source>
        <translation>Estas personas podrían ser la misma: %1. ¿Crear un registro nuevo de todos modos?</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Historial: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Also known as: %2&lt;br&gt;Born: %3&lt;br&gt;%n earlier call(s). Encounters, safety plans and follow-ups appear here once they are recorded.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;También conocida como: %2&lt;br&gt;Nacimiento: %3&lt;br&gt;%n llamada anterior. Los encuentros, planes de seguridad y seguimientos aparecen aquí cuando se registren.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;También conocida como: %2&lt;br&gt;Nacimiento: %3&lt;br&gt;%n llamadas anteriores. Los encuentros, planes de seguridad y seguimientos aparecen aquí cuando se registren.</numerusform>
        </translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>CAD number</source>
        <translation>Número CAD</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Tipo de llamada</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resultado</translation>
    </message>
</context>
<context>
    <name>heart::ui::PriorContactsView</name>
    <message>
        <source>There is no final safety plan of this person to print again.</source>
        <translation>Esta persona no tiene un plan de seguridad final para volver a imprimir.</translation>
    </message>
    <message>
        <source>Earlier calls</source>
        <translation>Llamadas anteriores</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riesgo</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Unit sent</source>
        <translation>Unidad enviada</translation>
    </message>
    <message>
        <source>Earlier encounters</source>
        <translation>Intervenciones anteriores</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Who responded</source>
        <translation>Quién respondió</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Derivado a</translation>
    </message>
    <message>
        <source>Latest safety plan</source>
        <translation>Último plan de seguridad</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Revisar…</translation>
    </message>
    <message>
        <source>Print again (F8)</source>
        <translation>Volver a imprimir (F8)</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>Tareas de seguimiento</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Asignada a</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Prior contacts of %1</source>
        <translation>Contactos previos de %1</translation>
    </message>
    <message>
        <source>Prior contacts</source>
        <translation>Contactos previos</translation>
    </message>
    <message>
        <source>Your unit is on no call.</source>
        <translation>Su unidad no está en ninguna llamada.</translation>
    </message>
    <message>
        <source>The call is not linked to a known person: nothing to show.</source>
        <translation>La llamada no está vinculada a una persona conocida: no hay nada que mostrar.</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>No earlier calls.</source>
        <translation>No hay llamadas anteriores.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>Not signed yet</source>
        <translation>Aún sin firmar</translation>
    </message>
    <message>
        <source>No earlier encounters.</source>
        <translation>No hay intervenciones anteriores.</translation>
    </message>
    <message>
        <source>Made final %1 by %2, in %3 (call of the encounter: %4).</source>
        <translation>Hecho final el %1 por %2, en %3 (llamada de la intervención: %4).</translation>
    </message>
    <message>
        <source>this call</source>
        <translation>esta llamada</translation>
    </message>
    <message>
        <source>No final safety plan.</source>
        <translation>No hay plan de seguridad final.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 attempts</source>
        <translation>%1 de %2 intentos</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <source>No follow-up tasks.</source>
        <translation>No hay tareas de seguimiento.</translation>
    </message>
</context>
<context>
    <name>heart::ui::RecordOutcomeDialog</name>
    <message>
        <source>&amp;Find in directory…</source>
        <translation>&amp;Buscar en el directorio…</translation>
    </message>
    <message>
        <source>&amp;Record outcome</source>
        <translation>&amp;Registrar resultado</translation>
    </message>
    <message>
        <source>Record the outcome</source>
        <translation>Registrar el resultado</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Connected to a service</source>
        <translation>&amp;Conectada a un servicio</translation>
    </message>
    <message>
        <source>&amp;Declined</source>
        <translation>Re&amp;husó</translation>
    </message>
    <message>
        <source>&amp;Already connected to care</source>
        <translation>&amp;Ya recibe atención</translation>
    </message>
    <message>
        <source>&amp;Unable to reach</source>
        <translation>No se le pudo &amp;localizar</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Servicio:</translation>
    </message>
    <message>
        <source>Choose from the directory, or type the name of a service not listed</source>
        <translation>Elija del directorio o escriba el nombre de un servicio que no figura</translation>
    </message>
    <message>
        <source>Recording the outcome closes the task.</source>
        <translation>Registrar el resultado cierra la tarea.</translation>
    </message>
    <message>
        <source>From the directory: %1</source>
        <translation>Del directorio: %1</translation>
    </message>
    <message>
        <source>Not from the directory: the name is kept as typed.</source>
        <translation>No es del directorio: el nombre se guarda tal como se escribió.</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Nota (opcional):</translation>
    </message>
    <message>
        <source>What was agreed, what the person said, what happens next</source>
        <translation>Qué se acordó, qué dijo la persona, qué sigue</translation>
    </message>
    <message>
        <source>Note on the outcome</source>
        <translation>Nota sobre el resultado</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>La nota es demasiado larga: como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>What you typed before HEART Desk stopped is back.</source>
        <translation>Lo que escribió antes de que HEART Desk se detuviera ha vuelto.</translation>
    </message>
</context>
<context>
    <name>heart::ui::ReportTableModel</name>
    <message>
        <source>Enter or double-click: the calls behind this number</source>
        <translation>Intro o doble clic: las llamadas detrás de este número</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>heart::ui::ReportWindow</name>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The first date must not be after the last one.</source>
        <translation>La primera fecha no puede ser posterior a la última.</translation>
    </message>
    <message>
        <source>The report cannot be shown: %1</source>
        <translation>No se puede mostrar el informe: %1</translation>
    </message>
    <message>
        <source>Compared with %1 (the period before). All times are %2.</source>
        <translation>Comparado con %1 (el periodo anterior). Todas las horas son %2.</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>llamadas</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>was %1, %2 pts</source>
        <translation>era %1, %2 pts</translation>
    </message>
    <message>
        <source>was %1</source>
        <translation>era %1</translation>
    </message>
    <message>
        <source>Eligible calls answered, by program (before: %1)</source>
        <translation>Llamadas elegibles atendidas, por programa (antes: %1)</translation>
    </message>
    <message numerus="yes">
        <source>CRT median, dispatch to arrival (%n timed)</source>
        <translation>
            <numerusform>Mediana CRT, del despacho a la llegada (%n cronometrada)</numerusform>
            <numerusform>Mediana CRT, del despacho a la llegada (%n cronometradas)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>follow-ups within 48 h</source>
        <translation>seguimientos en 48 h</translation>
    </message>
    <message>
        <source>%1: %2 (%3 pts)</source>
        <translation>%1: %2 (%3 pts)</translation>
    </message>
    <message>
        <source>Calls by hour of the week</source>
        <translation>Llamadas por hora de la semana</translation>
    </message>
    <message>
        <source>Calls by hour of the week, %1 and %2</source>
        <translation>Llamadas por hora de la semana, %1 y %2</translation>
    </message>
    <message>
        <source>Calls behind a number</source>
        <translation>Llamadas detrás de un número</translation>
    </message>
    <message>
        <source>The calls behind this number cannot be shown: %1</source>
        <translation>No se pueden mostrar las llamadas detrás de este número: %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3, %4</source>
        <translation>%1 — %2, %3, %4</translation>
    </message>
    <message>
        <source>%1: this number counts people, not calls; no calls are listed.</source>
        <translation>%1: este número cuenta personas, no llamadas; no se listan llamadas.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n call(s).</source>
        <translation>
            <numerusform>%1: %n llamada.</numerusform>
            <numerusform>%1: %n llamadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exportar la tabla</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <source>Program report</source>
        <translation>Informe del programa</translation>
    </message>
    <message>
        <source>Peri&amp;od:</source>
        <translation>Perío&amp;do:</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>The period before (Alt+Left)</source>
        <translation>El periodo anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>The period after (Alt+Right)</source>
        <translation>El periodo siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>Fro&amp;m</source>
        <translation>D&amp;esde</translation>
    </message>
    <message>
        <source>U&amp;ntil</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>Pro&amp;gram:</source>
        <translation>Pro&amp;grama:</translation>
    </message>
    <message>
        <source>All programs</source>
        <translation>Todos los programas</translation>
    </message>
    <message>
        <source>&amp;Table:</source>
        <translation>Tab&amp;la:</translation>
    </message>
    <message>
        <source>Publi&amp;c version</source>
        <translation>Versión públi&amp;ca</translation>
    </message>
    <message>
        <source>Counts of 1 to 10 shown as "&lt;11", and the cells that would give them away as "*": what may be published.</source>
        <translation>Los recuentos de 1 a 10 se muestran como "&lt;11", y las celdas que los delatarían como "*": lo que se puede publicar.</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>The table as shown, as a CSV file</source>
        <translation>La tabla tal como se ve, en un archivo CSV</translation>
    </message>
    <message>
        <source>Export the monthly report</source>
        <translation>Exportar el informe mensual</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Save report PDF…</source>
        <translation>Guardar informe en &amp;PDF…</translation>
    </message>
    <message>
        <source>The whole report (cover, tiles, charts, map, every table) as a PDF, the public version when it is on (Ctrl+P)</source>
        <translation>El informe completo (portada, indicadores, gráficos, mapa, todas las tablas) en PDF, la versión pública si está activada (Ctrl+P)</translation>
    </message>
    <message>
        <source>M&amp;ap:</source>
        <translation>M&amp;apa:</translation>
    </message>
    <message>
        <source>Reading the report for %1…</source>
        <translation>Leyendo el informe de %1…</translation>
    </message>
    <message>
        <source>Still showing %1 until the report you chose has been read.</source>
        <translation>Se sigue mostrando %1 hasta que se haya leído el informe que eligió.</translation>
    </message>
</context>
<context>
    <name>heart::ui::ResourceDirectoryWidget</name>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Any language</source>
        <translation>Cualquier idioma</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n servicio</numerusform>
            <numerusform>%n servicios</numerusform>
        </translation>
    </message>
    <message>
        <source>No service matches.</source>
        <translation>Ningún servicio coincide.</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate</source>
        <translation>Rea&amp;ctivar</translation>
    </message>
    <message>
        <source>Deactivated: no longer offered for referrals.</source>
        <translation>Desactivado: ya no se ofrece para remisiones.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Sin cita</translation>
    </message>
    <message>
        <source>“%1” added to the directory.</source>
        <translation>«%1» añadido al directorio.</translation>
    </message>
    <message>
        <source>“%1” saved.</source>
        <translation>«%1» guardado.</translation>
    </message>
    <message>
        <source>An active service has the same name and phone number; change one of them first.</source>
        <translation>Un servicio activo tiene el mismo nombre y teléfono; cambie primero uno de los dos.</translation>
    </message>
    <message>
        <source>“%1” deactivated: it is no longer offered for referrals.</source>
        <translation>«%1» desactivado: ya no se ofrece para remisiones.</translation>
    </message>
    <message>
        <source>“%1” reactivated.</source>
        <translation>«%1» reactivado.</translation>
    </message>
    <message>
        <source>Import services from a CSV file</source>
        <translation>Importar servicios de un archivo CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Resource directory</source>
        <translation>Directorio de recursos</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>Name, address or phone</source>
        <translation>Nombre, dirección o teléfono</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Buscar servicios</translation>
    </message>
    <message>
        <source>Kind of service</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <source>Language spoken</source>
        <translation>Idioma que se habla</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Detalles del servicio</translation>
    </message>
    <message>
        <source>Show deac&amp;tivated</source>
        <translation>Mostrar desac&amp;tivados</translation>
    </message>
    <message>
        <source>&amp;Add service…</source>
        <translation>Añadir &amp;servicio…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importar CSV…</translation>
    </message>
</context>
<context>
    <name>heart::ui::ResourceEditDialog</name>
    <message>
        <source>A service with this name and phone number is in the directory already.</source>
        <translation>Ya hay en el directorio un servicio con este nombre y teléfono.</translation>
    </message>
    <message>
        <source>ISO 639 codes, separated by commas: en, es, ase (ASL)…</source>
        <translation>Códigos ISO 639 separados por comas: en, es, ase (ASL)…</translation>
    </message>
    <message>
        <source>Edit service</source>
        <translation>Editar servicio</translation>
    </message>
    <message>
        <source>Add a service</source>
        <translation>Añadir un servicio</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>Telé&amp;fono:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Horario:</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Idiomas:</translation>
    </message>
    <message>
        <source>&amp;Walk-ins welcome (no appointment or referral needed)</source>
        <translation>Se atiende &amp;sin cita (no hace falta cita ni remisión)</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otas:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>(919) 555-0123, 988, or +44 20 7123 4567</source>
        <translation>(919) 555-0123, 988 o +44 20 7123 4567</translation>
    </message>
    <message>
        <source>Mon–Fri 08:00–17:00</source>
        <translation>lun–vie 08:00–17:00</translation>
    </message>
    <message>
        <source>(choose a kind)</source>
        <translation>(elija un tipo)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>heart::ui::ResourceImportReport</name>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>No se pudo leer el archivo %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: the header row must be fixed first.</source>
        <translation>No se importó nada de %1: primero hay que corregir la fila de encabezado.</translation>
    </message>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation>No se importó nada de %1: %2</translation>
    </message>
    <message>
        <source>The import of %1 was cancelled: nothing was changed.</source>
        <translation>Se canceló la importación de %1: no se cambió nada.</translation>
    </message>
    <message>
        <source>%1: %2 new services added, %3 updated, %4 already up to date.</source>
        <translation>%1: %2 servicios nuevos añadidos, %3 actualizados, %4 ya al día.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were not imported: fix them in the file and import it again (rows already imported are updated, not doubled).</source>
        <translation>
            <numerusform>%n fila no se importó: corríjala en el archivo e impórtelo de nuevo (las filas ya importadas se actualizan, no se duplican).</numerusform>
            <numerusform>%n filas no se importaron: corríjalas en el archivo e impórtelo de nuevo (las filas ya importadas se actualizan, no se duplican).</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV import</source>
        <translation>Importación CSV</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Filas no importadas</translation>
    </message>
    <message>
        <source>the file is larger than 10 MB</source>
        <translation>el archivo pasa de 10 MB</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Importando %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>heart::ui::ResourcePickerDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Elegir</translation>
    </message>
    <message>
        <source>Choose a service</source>
        <translation>Elegir un servicio</translation>
    </message>
    <message>
        <source>Name, address or phone</source>
        <translation>Nombre, dirección o teléfono</translation>
    </message>
    <message>
        <source>Search services</source>
        <translation>Buscar servicios</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Buscar:</translation>
    </message>
    <message>
        <source>No service matches.</source>
        <translation>Ningún servicio coincide.</translation>
    </message>
    <message>
        <source>walk-ins welcome</source>
        <translation>se atiende sin cita</translation>
    </message>
</context>
<context>
    <name>heart::ui::ResourceTableModel</name>
    <message>
        <source>%1 (deactivated)</source>
        <translation>%1 (desactivado)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Walk-ins</source>
        <translation>Sin cita</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterSidePanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1 shift&lt;/b&gt;: %n team(s)</source>
        <translation>
            <numerusform>&lt;b&gt;Turno %1&lt;/b&gt;: %n equipo</numerusform>
            <numerusform>&lt;b&gt;Turno %1&lt;/b&gt;: %n equipos</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;Without a team:&lt;/i&gt; %1</source>
        <translation>&lt;i&gt;Sin equipo:&lt;/i&gt; %1</translation>
    </message>
    <message>
        <source>&lt;h4&gt;On duty now&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;De servicio ahora&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>Nobody: no shift is running.</source>
        <translation>Nadie: no hay ningún turno en curso.</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Selected&lt;/h4&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, fixed shift: %3&lt;br&gt;&lt;br&gt;%4:&lt;br&gt;%5</source>
        <translation>&lt;h4&gt;Selección&lt;/h4&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, turno fijo: %3&lt;br&gt;&lt;br&gt;%4:&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>&lt;b&gt;Space&lt;/b&gt; off → shift → admin → off&lt;br&gt;&lt;b&gt;Shift+F10&lt;/b&gt; any duty&lt;br&gt;&lt;b&gt;Ctrl+W&lt;/b&gt; swap with…&lt;br&gt;&lt;b&gt;Ctrl+Shift+↑/↓&lt;/b&gt; swap with neighbour</source>
        <translation>&lt;b&gt;Espacio&lt;/b&gt; libre → turno → admin. → libre&lt;br&gt;&lt;b&gt;Mayús+F10&lt;/b&gt; cualquier tarea&lt;br&gt;&lt;b&gt;Ctrl+W&lt;/b&gt; intercambiar con…&lt;br&gt;&lt;b&gt;Ctrl+Mayús+↑/↓&lt;/b&gt; intercambiar con el vecino</translation>
    </message>
    <message>
        <source>View only: a supervisor edits the rotation.</source>
        <translation>Solo lectura: la rotación la edita un supervisor.</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterTableModel</name>
    <message>
        <source>Clinician</source>
        <translation>Clínico/a</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Apoyo entre pares</translation>
    </message>
    <message>
        <source>EMT</source>
        <translation>EMT</translation>
    </message>
    <message>
        <source>A</source>
        <comment>administrative hours</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>administrative hours</source>
        <translation>horas administrativas</translation>
    </message>
    <message>
        <source>weekend</source>
        <translation>fin de semana</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 · %2 · fixed shift: %3</source>
        <translation>%1 · %2 · turno fijo: %3</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <source>Week %1, %2</source>
        <translation>Semana %1, %2</translation>
    </message>
</context>
<context>
    <name>heart::ui::RosterWidget</name>
    <message>
        <source>Export the rotation</source>
        <translation>Exportar la rotación</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Every rule holds.</source>
        <translation>Se cumplen todas las reglas.</translation>
    </message>
    <message>
        <source>No rotation yet: generate one.</source>
        <translation>Aún no hay rotación: genere una.</translation>
    </message>
    <message>
        <source>These rules need a rotation made by hand.</source>
        <translation>Estas reglas requieren una rotación hecha a mano.</translation>
    </message>
    <message numerus="yes">
        <source>No valid rotation for %n team(s) per shift: </source>
        <translation>
            <numerusform>No hay rotación válida para %n equipo por turno: </numerusform>
            <numerusform>No hay rotación válida para %n equipos por turno: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A new rotation with %n complete team(s) on every shift was saved.</source>
        <translation>
            <numerusform>Se guardó una nueva rotación con %n equipo completo en cada turno.</numerusform>
            <numerusform>Se guardó una nueva rotación con %n equipos completos en cada turno.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>No se pudo escribir el archivo: %1</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <source>Six-week rotation</source>
        <translation>Rotación de seis semanas</translation>
    </message>
    <message>
        <source>&amp;Teams per shift:</source>
        <translation>E&amp;quipos por turno:</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export calendar (.&amp;ics)…</source>
        <translation>Exportar calendario (.&amp;ics)…</translation>
    </message>
    <message>
        <source>%1 now works the %2 shift.</source>
        <translation>%1 trabaja ahora el turno %2.</translation>
    </message>
    <message>
        <source>Move the selected person to the next shift of the program</source>
        <translation>Pasar a la persona seleccionada al siguiente turno del programa</translation>
    </message>
    <message>
        <source>Change fi&amp;xed shift</source>
        <translation>Cambiar turno &amp;fijo</translation>
    </message>
    <message numerus="yes">
        <source>%1 – %2, then repeats · %n responder(s) · today is day %3 of week %4</source>
        <translation>
            <numerusform>%1 – %2, luego se repite · %n integrante · hoy es el día %3 de la semana %4</numerusform>
            <numerusform>%1 – %2, luego se repite · %n integrantes · hoy es el día %3 de la semana %4</numerusform>
        </translation>
    </message>
    <message>
        <source>No rotation yet: choose the teams per shift and generate one.</source>
        <translation>Aún no hay rotación: elija los equipos por turno y genere una.</translation>
    </message>
    <message>
        <source>No rotation yet.</source>
        <translation>Aún no hay rotación.</translation>
    </message>
    <message numerus="yes">
        <source>Rule chec&amp;k (%n problem(s))</source>
        <translation>
            <numerusform>Re&amp;visión de reglas (%n problema)</numerusform>
            <numerusform>Re&amp;visión de reglas (%n problemas)</numerusform>
        </translation>
    </message>
    <message>
        <source>The rotation was changed at another workstation meanwhile. It has been reloaded: please make your change again.</source>
        <translation>Otra estación de trabajo modificó la rotación mientras tanto. Se ha vuelto a cargar: haga su cambio de nuevo.</translation>
    </message>
    <message>
        <source>Everyone has the same duty that day: there is nothing to swap.</source>
        <translation>Todos tienen la misma tarea ese día: no hay nada que intercambiar.</translation>
    </message>
    <message>
        <source>&amp;Off</source>
        <translation>&amp;Libre</translation>
    </message>
    <message>
        <source>&amp;Administrative hours (%1 h)</source>
        <translation>Horas &amp;administrativas (%1 h)</translation>
    </message>
    <message>
        <source>&amp;Swap with…</source>
        <translation>&amp;Intercambiar con…</translation>
    </message>
    <message>
        <source>Swap with the person &amp;above</source>
        <translation>Intercambiar con la persona de a&amp;rriba</translation>
    </message>
    <message>
        <source>Swap with the person &amp;below</source>
        <translation>Intercambiar con la persona de a&amp;bajo</translation>
    </message>
    <message>
        <source>Generate rotation</source>
        <translation>Generar rotación</translation>
    </message>
    <message numerus="yes">
        <source>Replace the current rotation with a new one with %n complete team(s) on every shift? Changes made by hand are replaced too.</source>
        <translation>
            <numerusform>¿Reemplazar la rotación actual por una nueva con %n equipo completo en cada turno? También se reemplazan los cambios hechos a mano.</numerusform>
            <numerusform>¿Reemplazar la rotación actual por una nueva con %n equipos completos en cada turno? También se reemplazan los cambios hechos a mano.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the rotation as a calendar</source>
        <translation>Exportar la rotación como calendario</translation>
    </message>
    <message>
        <source>&amp;Generate rotation…</source>
        <translation>&amp;Generar rotación…</translation>
    </message>
    <message>
        <source>Build a rotation with this many complete teams on every shift</source>
        <translation>Crear una rotación con este número de equipos completos en cada turno</translation>
    </message>
    <message>
        <source>R&amp;otation</source>
        <translation>R&amp;otación</translation>
    </message>
    <message>
        <source>Cov&amp;erage</source>
        <translation>Cob&amp;ertura</translation>
    </message>
    <message>
        <source>Rotation: people by day</source>
        <translation>Rotación: personas por día</translation>
    </message>
    <message>
        <source>Space changes a day; Shift+F10 offers every duty; Ctrl+W swaps it with someone else's.</source>
        <translation>Espacio cambia un día; Mayús+F10 ofrece todas las tareas; Ctrl+W lo intercambia con el de otra persona.</translation>
    </message>
    <message>
        <source>View only.</source>
        <translation>Solo lectura.</translation>
    </message>
    <message>
        <source>Rule check</source>
        <translation>Revisión de reglas</translation>
    </message>
</context>
<context>
    <name>heart::ui::RoutingPanel</name>
    <message>
        <source>Routing decision</source>
        <translation>Decisión de derivación</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Aún no hay decisión.</translation>
    </message>
    <message>
        <source>Recommended: %1</source>
        <translation>Recomendado: %1</translation>
    </message>
    <message>
        <source>beat %1</source>
        <translation>sector %1</translation>
    </message>
    <message>
        <source>beat %1 (from the coordinates)</source>
        <translation>sector %1 (según las coordenadas)</translation>
    </message>
    <message>
        <source>outside every beat</source>
        <translation>fuera de todos los sectores</translation>
    </message>
    <message>
        <source>location unknown</source>
        <translation>ubicación desconocida</translation>
    </message>
    <message>
        <source>%1 %2 · %3 · rules: %4</source>
        <translation>%1 %2 · %3 · reglas: %4</translation>
    </message>
    <message>
        <source>eligible</source>
        <translation>elegible</translation>
    </message>
</context>
<context>
    <name>heart::ui::RuleSetDiffView</name>
    <message>
        <source>What changes</source>
        <translation>Qué cambia</translation>
    </message>
    <message>
        <source>(not in this rule set)</source>
        <translation>(no está en este conjunto de reglas)</translation>
    </message>
    <message>
        <source>beats added: %1</source>
        <translation>sectores añadidos: %1</translation>
    </message>
    <message>
        <source>beats removed: %1</source>
        <translation>sectores retirados: %1</translation>
    </message>
    <message>
        <source>Call types</source>
        <translation>Tipos de llamada</translation>
    </message>
    <message>
        <source>Not when</source>
        <translation>No cuando</translation>
    </message>
    <message>
        <source>Only when</source>
        <translation>Solo cuando</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>Área de servicio</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Festivos</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>Da seguimiento</translation>
    </message>
    <message>
        <source>%1 holiday dates</source>
        <translation>%1 fechas festivas</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Holiday dates</source>
        <translation>Fechas festivas</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Entra en vigor</translation>
    </message>
    <message>
        <source>Compare &amp;from:</source>
        <translation>Comparar d&amp;esde:</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>c&amp;on:</translation>
    </message>
    <message>
        <source>Only &amp;differences</source>
        <translation>Solo &amp;diferencias</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Rules before and after</source>
        <translation>Reglas antes y después</translation>
    </message>
</context>
<context>
    <name>heart::ui::RuleSetEditor</name>
    <message>
        <source>The rule set's document cannot be read: %1</source>
        <translation>No se puede leer el documento del conjunto de reglas: %1</translation>
    </message>
    <message>
        <source>Anywhere (no location needed)</source>
        <translation>En cualquier lugar (no hace falta la ubicación)</translation>
    </message>
    <message>
        <source>Only the beats checked below</source>
        <translation>Solo los sectores marcados abajo</translation>
    </message>
    <message>
        <source>Every beat of the map but the unchecked ones</source>
        <translation>Todos los sectores del mapa salvo los no marcados</translation>
    </message>
    <message>
        <source>the rules in force now (%1)</source>
        <translation>las reglas vigentes ahora (%1)</translation>
    </message>
    <message>
        <source>the rules it is made from (%1)</source>
        <translation>las reglas de las que parte (%1)</translation>
    </message>
    <message>
        <source>Service area of %1</source>
        <translation>Área de servicio de %1</translation>
    </message>
    <message>
        <source>anywhere: no location needed</source>
        <translation>en cualquier lugar: no hace falta la ubicación</translation>
    </message>
    <message>
        <source>served (click or Space: not served)</source>
        <translation>atendido (clic o Espacio: no atendido)</translation>
    </message>
    <message>
        <source>not served (click or Space: served)</source>
        <translation>no atendido (clic o Espacio: atendido)</translation>
    </message>
    <message>
        <source>Not valid yet: %1</source>
        <translation>Todavía no es válido: %1</translation>
    </message>
    <message>
        <source>Replaying the calls under both rule sets (%1)…</source>
        <translation>Reproduciendo las llamadas con ambos conjuntos de reglas (%1)…</translation>
    </message>
    <message>
        <source>Saved as version %1 of "%2": it decides the calls from %3 on, on every workstation.</source>
        <translation>Guardado como versión %1 de "%2": decide las llamadas a partir del %3, en todos los puestos.</translation>
    </message>
    <message>
        <source>New version made from "%1" (%2)</source>
        <translation>Nueva versión hecha a partir de "%1" (%2)</translation>
    </message>
    <message>
        <source>Choose a rule set and "New version from this…" to edit a copy of it.</source>
        <translation>Elija un conjunto de reglas y "Nueva versión a partir de este…" para editar una copia.</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>No&amp;mbre:</translation>
    </message>
    <message>
        <source>Takes &amp;effect on:</source>
        <translation>Entra en &amp;vigor el:</translation>
    </message>
    <message>
        <source>A new version takes effect after today; calls before that date keep the rules they were decided by.</source>
        <translation>Una nueva versión entra en vigor después de hoy; las llamadas anteriores a esa fecha conservan las reglas con que se decidieron.</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programa:</translation>
    </message>
    <message>
        <source>Service &amp;area: click a beat on the map, or move on the map with the arrow keys and press Space; the list below does the same:</source>
        <translation>Área de servici&amp;o: haga clic en un sector del mapa, o muévase por el mapa con las flechas y pulse Espacio; la lista de abajo hace lo mismo:</translation>
    </message>
    <message>
        <source>Beat map: the service area outlined</source>
        <translation>Mapa de sectores: el área de servicio contorneada</translation>
    </message>
    <message>
        <source>Beats served</source>
        <translation>Sectores atendidos</translation>
    </message>
    <message>
        <source>Check a&amp;ll beats</source>
        <translation>Marcar &amp;todos los sectores</translation>
    </message>
    <message>
        <source>&amp;Uncheck all</source>
        <translation>&amp;Desmarcar todos</translation>
    </message>
    <message>
        <source>Always &amp;open</source>
        <translation>Siempre a&amp;bierto</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Martes</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Miércoles</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Jueves</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Viernes</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Sábado</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Domingo</translation>
    </message>
    <message>
        <source>Monday's hours every &amp;day</source>
        <translation>El horario del lunes todos los dí&amp;as</translation>
    </message>
    <message>
        <source>Closed on &amp;holidays</source>
        <translation>Cerrado en &amp;festivos</translation>
    </message>
    <message>
        <source>Call &amp;types taken:</source>
        <translation>Tipos de &amp;llamada que atiende:</translation>
    </message>
    <message>
        <source>All call types</source>
        <translation>Todos los tipos de llamada</translation>
    </message>
    <message>
        <source>E&amp;xcluded when:</source>
        <translation>E&amp;xcluida cuando:</translation>
    </message>
    <message>
        <source>Changes against the rule set it is made from:</source>
        <translation>Cambios respecto al conjunto de reglas del que parte:</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparar con:</translation>
    </message>
    <message>
        <source>Wee&amp;ks of calls:</source>
        <translation>&amp;Semanas de llamadas:</translation>
    </message>
    <message>
        <source>P&amp;review impact</source>
        <translation>Ve&amp;r el impacto</translation>
    </message>
    <message>
        <source>Save &amp;new version</source>
        <translation>Guardar &amp;nueva versión</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <source>Rule sets were saved on another workstation (%1) while you were editing. Your edits here are kept, not replaced; the list above shows what was saved. Compare before saving this version.</source>
        <translation>Se guardaron conjuntos de reglas en otro puesto (%1) mientras usted editaba. Sus cambios aquí se conservan, no se sustituyen; la lista de arriba muestra lo que se guardó. Compare antes de guardar esta versión.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Hours, per weekday, e.g. 09:00-21:00 or 08:00-12:00, 13:00-17:00 (empty: closed; 21:00-07:00 runs past midnight), or painted on the week grid below (drag, or the arrow keys and Space):</source>
        <translation>Horario, por día de la semana, p. ej. 09:00-21:00 o 08:00-12:00, 13:00-17:00 (vacío: cerrado; 21:00-07:00 pasa de la medianoche), o pintado en la cuadrícula semanal de abajo (arrastrando, o con las flechas y Espacio):</translation>
    </message>
</context>
<context>
    <name>heart::ui::RuleSetHistory</name>
    <message>
        <source>imported from %1</source>
        <translation>importado de %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardada</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Entra en vigor</translation>
    </message>
    <message>
        <source>Made from</source>
        <translation>Hecha a partir de</translation>
    </message>
    <message>
        <source>Changes against the version before</source>
        <translation>Cambios respecto a la versión anterior</translation>
    </message>
    <message>
        <source>Saved versions of the rule set</source>
        <translation>Versiones guardadas del conjunto de reglas</translation>
    </message>
    <message>
        <source>Choose a rule set to see its saved versions.</source>
        <translation>Elija un conjunto de reglas para ver sus versiones guardadas.</translation>
    </message>
    <message>
        <source>"%1" was shipped with HEART Desk and has no saved versions.</source>
        <translation>"%1" viene con HEART Desk y no tiene versiones guardadas.</translation>
    </message>
    <message>
        <source>Saved versions of "%1", oldest first.</source>
        <translation>Versiones guardadas de "%1", de la más antigua a la más reciente.</translation>
    </message>
</context>
<context>
    <name>heart::ui::RuleSetView</name>
    <message>
        <source>No rule set chosen</source>
        <translation>Ningún conjunto de reglas elegido</translation>
    </message>
    <message>
        <source>%1 · takes effect %2 · time zone %3%4</source>
        <translation>%1 · entra en vigor %2 · zona horaria %3%4</translation>
    </message>
    <message>
        <source> · in force now</source>
        <translation> · vigente ahora</translation>
    </message>
    <message>
        <source>Service area of %1: anywhere (no location needed)</source>
        <translation>Área de servicio de %1: en cualquier lugar (no hace falta la ubicación)</translation>
    </message>
    <message>
        <source>Service area of %1: %2 beats</source>
        <translation>Área de servicio de %1: %2 sectores</translation>
    </message>
    <message>
        <source>Service area of %1: every beat of the map</source>
        <translation>Área de servicio de %1: todos los sectores del mapa</translation>
    </message>
    <message>
        <source>Service area of %1: every beat of the map except these:</source>
        <translation>Área de servicio de %1: todos los sectores del mapa salvo estos:</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Call types</source>
        <translation>Tipos de llamada</translation>
    </message>
    <message>
        <source>Not when</source>
        <translation>No cuando</translation>
    </message>
    <message>
        <source>Only when</source>
        <translation>Solo cuando</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>Área de servicio</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Festivos</translation>
    </message>
    <message>
        <source>Follows up</source>
        <translation>Da seguimiento</translation>
    </message>
    <message>
        <source>Programs and their rules</source>
        <translation>Los programas y sus reglas</translation>
    </message>
    <message>
        <source>Hours of &amp;program:</source>
        <translation>Horario del &amp;programa:</translation>
    </message>
    <message>
        <source>Ho&amp;lidays</source>
        <translation>&amp;Festivos</translation>
    </message>
    <message>
        <source>Call &amp;types</source>
        <translation>&amp;Tipos de llamada</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Other spellings</source>
        <translation>Otras grafías</translation>
    </message>
    <message>
        <source>Beats of the service area</source>
        <translation>Sectores del área de servicio</translation>
    </message>
    <message>
        <source>served</source>
        <translation>atendido</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>no atendido</translation>
    </message>
    <message>
        <source>Service area of %1</source>
        <translation>Área de servicio de %1</translation>
    </message>
</context>
<context>
    <name>heart::ui::RuleSetsWidget</name>
    <message>
        <source>Program rules</source>
        <translation>Reglas del programa</translation>
    </message>
    <message>
        <source>The rules shipped with HEART Desk apply: none are stored yet.</source>
        <translation>Se aplican las reglas que trae HEART Desk: todavía no hay ninguna guardada.</translation>
    </message>
    <message>
        <source>Rule sets stored: %1.</source>
        <translation>Conjuntos de reglas guardados: %1.</translation>
    </message>
    <message>
        <source>You can read the rules; only an administrator changes them.</source>
        <translation>Puede leer las reglas; solo un administrador las cambia.</translation>
    </message>
    <message>
        <source>Takes effect</source>
        <translation>Entra en vigor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Stored as</source>
        <translation>Guardado como</translation>
    </message>
    <message>
        <source>Rule sets by the date they take effect</source>
        <translation>Conjuntos de reglas por la fecha en que entran en vigor</translation>
    </message>
    <message>
        <source>In force now</source>
        <translation>Vigente ahora</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próximo</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Pasado</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>de fábrica</translation>
    </message>
    <message>
        <source>stored, version %1</source>
        <translation>guardado, versión %1</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Compare with the rules in force</source>
        <translation>&amp;Comparar con las reglas vigentes</translation>
    </message>
    <message>
        <source>Rule &amp;set</source>
        <translation>Conjunto de &amp;reglas</translation>
    </message>
    <message>
        <source>Side &amp;by side</source>
        <translation>&amp;Lado a lado</translation>
    </message>
    <message>
        <source>Histor&amp;y</source>
        <translation>Histor&amp;ial</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Nueva versión</translation>
    </message>
    <message>
        <source>Ne&amp;w version from this…</source>
        <translation>N&amp;ueva versión a partir de este…</translation>
    </message>
    <message>
        <source>Edit a copy of the chosen rule set, preview its impact on past calls and save it to take effect on a future date</source>
        <translation>Edite una copia del conjunto de reglas elegido, vea su impacto en llamadas pasadas y guárdela para que entre en vigor en una fecha futura</translation>
    </message>
</context>
<context>
    <name>heart::ui::SafetyPlanEditor</name>
    <message>
        <source>The crisis services in the settings cannot be read (%1); the 988 Lifeline and 911 are used.</source>
        <translation>Los servicios de crisis de la configuración no se pueden leer (%1); se usan la Línea 988 y el 911.</translation>
    </message>
    <message>
        <source>Final plan, saved %1.</source>
        <translation>Plan final, guardado %1.</translation>
    </message>
    <message>
        <source>Draft, saved %1.</source>
        <translation>Borrador, guardado %1.</translation>
    </message>
    <message>
        <source>New plan: not saved yet.</source>
        <translation>Plan nuevo: aún sin guardar.</translation>
    </message>
    <message>
        <source>Plan not saved: %1</source>
        <translation>No se guardó el plan: %1</translation>
    </message>
    <message>
        <source>Draft saved %1.</source>
        <translation>Borrador guardado %1.</translation>
    </message>
    <message>
        <source>Plan not finalised: %1</source>
        <translation>No se finalizó el plan: %1</translation>
    </message>
    <message>
        <source>Final plan, ready to print.</source>
        <translation>Plan final, listo para imprimir.</translation>
    </message>
    <message>
        <source>The plan cannot be printed yet: %1</source>
        <translation>El plan aún no se puede imprimir: %1</translation>
    </message>
    <message>
        <source>Printed on one page.</source>
        <translation>Impreso en una página.</translation>
    </message>
    <message>
        <source>Printed on %1 pages.</source>
        <translation>Impreso en %1 páginas.</translation>
    </message>
    <message>
        <source>The PDF was not written: %1</source>
        <translation>No se escribió el PDF: %1</translation>
    </message>
    <message>
        <source>Saved as PDF: %1</source>
        <translation>Guardado como PDF: %1</translation>
    </message>
    <message>
        <source>Print the safety plan</source>
        <translation>Imprimir el plan de seguridad</translation>
    </message>
    <message>
        <source>Save the safety plan as PDF</source>
        <translation>Guardar el plan de seguridad como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>step %1, entry %2</source>
        <translation>paso %1, entrada %2</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>reasons for living</source>
        <translation>razones para vivir</translation>
    </message>
    <message>
        <source>step 5 needs at least one contact with a phone number</source>
        <translation>el paso 5 necesita al menos un contacto con número de teléfono</translation>
    </message>
    <message>
        <source>%1: the phone number cannot be dialled</source>
        <translation>%1: el número de teléfono no se puede marcar</translation>
    </message>
    <message>
        <source>%1: this step takes no phone number</source>
        <translation>%1: este paso no lleva número de teléfono</translation>
    </message>
    <message>
        <source>%1: the entry has a phone but no text</source>
        <translation>%1: la entrada tiene teléfono pero no texto</translation>
    </message>
    <message>
        <source>%1: at most 12 entries</source>
        <translation>%1: como máximo 12 entradas</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Ready to print.</source>
        <translation>Listo para imprimir.</translation>
    </message>
    <message>
        <source>Before printing: %1.</source>
        <translation>Antes de imprimir: %1.</translation>
    </message>
    <message>
        <source>Safety plan (Stanley-Brown)</source>
        <translation>Plan de seguridad (Stanley-Brown)</translation>
    </message>
    <message>
        <source>Printed &amp;language:</source>
        <translation>&amp;Idioma de la copia impresa:</translation>
    </message>
    <message>
        <source>Step &amp;1: Warning signs that a crisis may be developing</source>
        <translation>Paso &amp;1: Señales de alerta de que se acerca una crisis</translation>
    </message>
    <message>
        <source>Step &amp;2: Internal coping strategies</source>
        <translation>Paso &amp;2: Estrategias internas para afrontar</translation>
    </message>
    <message>
        <source>Step &amp;3: People and social settings that provide distraction</source>
        <translation>Paso &amp;3: Personas y lugares que ayudan a distraerse</translation>
    </message>
    <message>
        <source>Step &amp;4: People whom I can ask for help</source>
        <translation>Paso &amp;4: Personas a las que puedo pedir ayuda</translation>
    </message>
    <message>
        <source>Step &amp;5: Professionals or agencies to contact in a crisis</source>
        <translation>Paso &amp;5: Profesionales o agencias a los que llamar en una crisis</translation>
    </message>
    <message>
        <source>Step &amp;6: Making the environment safe</source>
        <translation>Paso &amp;6: Hacer seguro el entorno</translation>
    </message>
    <message>
        <source>Entry, in the person's words</source>
        <translation>Entrada, con las palabras de la persona</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>&amp;Reasons for living (optional)</source>
        <translation>&amp;Razones para vivir (opcional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Razón</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Guardar (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Finalizar</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>Imprimir… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF… (Ctrl+Shift+P)</source>
        <translation>Guardar PDF… (Ctrl+Mayús+P)</translation>
    </message>
</context>
<context>
    <name>heart::ui::SafetyPlanReview</name>
    <message>
        <source>Safety plan of %1</source>
        <translation>Plan de seguridad de %1</translation>
    </message>
    <message>
        <source>Final since %1. Read-only: a new plan is made in this encounter's Safety plan tab (F4).</source>
        <translation>Final desde %1. Solo lectura: un plan nuevo se hace en la pestaña Plan de seguridad de esta intervención (F4).</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>Imprimir… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF… (Ctrl+Shift+P)</source>
        <translation>Guardar PDF… (Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <source>Print the safety plan again</source>
        <translation>Volver a imprimir el plan de seguridad</translation>
    </message>
    <message>
        <source>Save the safety plan as PDF</source>
        <translation>Guardar el plan de seguridad como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>heart::ui::SettingsPage</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>No guardado: %1</translation>
    </message>
    <message>
        <source>Reloaded: this is the setting as saved now.</source>
        <translation>Recargado: esta es la configuración tal como está guardada ahora.</translation>
    </message>
    <message>
        <source>This setting was changed on another workstation meanwhile: saving what is shown here would be refused. "Update to the saved setting" shows what was saved there.</source>
        <translation>Esta configuración se cambió mientras tanto en otro puesto: guardar lo que se muestra aquí sería rechazado. «Actualizar a la configuración guardada» muestra lo que se guardó allí.</translation>
    </message>
    <message>
        <source>&amp;Update to the saved setting</source>
        <translation>Act&amp;ualizar a la configuración guardada</translation>
    </message>
    <message>
        <source>another administrator</source>
        <translation>otro administrador</translation>
    </message>
    <message>
        <source>a moment ago</source>
        <translation>hace un momento</translation>
    </message>
    <message>
        <source>Not saved: %1 saved this setting at %2, after this screen read it. "Update to the saved setting" shows what they saved (what is shown here is then dropped); change it again from there if need be.</source>
        <translation>No se guardó: %1 guardó esta configuración a las %2, después de que esta pantalla la leyera. «Actualizar a la configuración guardada» muestra lo que guardó (lo que se muestra aquí se descarta entonces); cámbiela de nuevo desde ahí si hace falta.</translation>
    </message>
</context>
<context>
    <name>heart::ui::SettingsWidget</name>
    <message>
        <source>Program settings</source>
        <translation>Configuración del programa</translation>
    </message>
    <message>
        <source>Each change is checked before it is stored, written to the audit trail, and in force on every workstation at once.</source>
        <translation>Cada cambio se comprueba antes de guardarse, se anota en el registro de auditoría y entra en vigor en todos los puestos a la vez.</translation>
    </message>
    <message>
        <source>You can read these settings; only an administrator changes them.</source>
        <translation>Puede consultar esta configuración; solo un administrador la cambia.</translation>
    </message>
</context>
<context>
    <name>heart::ui::SignInPage</name>
    <message>
        <source>Enter your user ID.</source>
        <translation>Ingrese su ID de usuario.</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>Sign in to HEART Desk</source>
        <translation>Iniciar sesión en HEART Desk</translation>
    </message>
    <message>
        <source>%1, the screen was locked after a period of inactivity. Enter your password to continue where you left off.</source>
        <translation>%1, la pantalla se bloqueó tras un período de inactividad. Ingrese su contraseña para continuar donde se quedó.</translation>
    </message>
    <message>
        <source>Holistic Empathetic Assistance Response Teams</source>
        <translation>Equipos de Respuesta de Asistencia Holística y Empática</translation>
    </message>
    <message>
        <source>&amp;User ID:</source>
        <translation>&amp;ID de usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>Iniciar &amp;sesión</translation>
    </message>
    <message>
        <source>Sign in as &amp;another user</source>
        <translation>Iniciar sesión como &amp;otro usuario</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
</context>
<context>
    <name>heart::ui::SignatureDialog</name>
    <message>
        <source>Sign the encounter note</source>
        <translation>Firmar la nota de intervención</translation>
    </message>
    <message>
        <source>Add a signed addendum</source>
        <translation>Añadir una adenda firmada</translation>
    </message>
    <message>
        <source>Signing locks the note as %1. After this, corrections are signed addenda shown under it. Enter your password to sign.</source>
        <translation>Al firmar, la nota queda bloqueada a nombre de %1. Después, las correcciones son adendas firmadas que se muestran debajo. Escriba su contraseña para firmar.</translation>
    </message>
    <message>
        <source>An addendum is signed as %1 when it is added and can never be changed. Enter your password to sign it.</source>
        <translation>Una adenda se firma a nombre de %1 al añadirla y nunca puede cambiarse. Escriba su contraseña para firmarla.</translation>
    </message>
    <message>
        <source>Sign and lock</source>
        <translation>Firmar y bloquear</translation>
    </message>
    <message>
        <source>Sign addendum</source>
        <translation>Firmar la adenda</translation>
    </message>
    <message>
        <source>&amp;Addendum:</source>
        <translation>&amp;Adenda:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
</context>
<context>
    <name>heart::ui::SwapDutyDialog</name>
    <message>
        <source>Swap a day's duty</source>
        <translation>Intercambiar la tarea de un día</translation>
    </message>
    <message>
        <source>Swap the duty of &lt;b&gt;%1&lt;/b&gt; on %2 (%3) with:</source>
        <translation>Intercambiar la tarea de &lt;b&gt;%1&lt;/b&gt; el %2 (%3) con:</translation>
    </message>
    <message>
        <source>People to swap with</source>
        <translation>Personas con quienes intercambiar</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>That day</source>
        <translation>Ese día</translation>
    </message>
    <message>
        <source>After the swap</source>
        <translation>Tras el intercambio</translation>
    </message>
    <message>
        <source>every rule holds</source>
        <translation>se cumplen todas las reglas</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) in the rule check</source>
        <translation>
            <numerusform>%n problema en la revisión de reglas</numerusform>
            <numerusform>%n problemas en la revisión de reglas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Swap</source>
        <translation>&amp;Intercambiar</translation>
    </message>
</context>
<context>
    <name>heart::ui::SyncConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Este portátil</translation>
    </message>
    <message>
        <source>The center</source>
        <translation>El centro</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>&amp;Mantener la mía</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Mantener la del cen&amp;tro</translation>
    </message>
    <message>
        <source>Changed here and at the center while this laptop was offline. The center's version stands for now; choose which one to keep.</source>
        <translation>Se cambió aquí y en el centro mientras este portátil estaba sin conexión. Por ahora vale la versión del centro; elija cuál conservar.</translation>
    </message>
    <message>
        <source>The note was signed at the center before this laptop's changes arrived. A signed note takes no more changes: add what is still needed as an addendum, then keep theirs.</source>
        <translation>La nota se firmó en el centro antes de que llegaran los cambios de este portátil. Una nota firmada no admite más cambios: añada lo que aún haga falta como adenda y luego mantenga la del centro.</translation>
    </message>
    <message>
        <source>You signed the note on this laptop; the center had changed it meanwhile. Your signed note stands; the center's changes are shown for you to add as an addendum if needed.</source>
        <translation>Usted firmó la nota en este portátil; el centro la había cambiado mientras tanto. Vale su nota firmada; los cambios del centro se muestran para que los añada como adenda si hace falta.</translation>
    </message>
    <message>
        <source>The note was signed in both places with different contents. The center's signed note stands; yours is kept here.</source>
        <translation>La nota se firmó en ambos lugares con contenidos distintos. Vale la nota firmada del centro; la suya se guarda aquí.</translation>
    </message>
    <message>
        <source>The center refused this change: the account may not make it there (deactivated, or its roles changed). It is kept here.</source>
        <translation>El centro rechazó este cambio: la cuenta no puede hacerlo allí (desactivada o con otros roles). Se guarda aquí.</translation>
    </message>
    <message>
        <source>Encounter note</source>
        <translation>Nota de intervención</translation>
    </message>
    <message>
        <source>Note entry</source>
        <translation>Entrada de la nota</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Plan de seguridad</translation>
    </message>
    <message>
        <source>Unit status</source>
        <translation>Estado de la unidad</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Nothing to review: every change this laptop sent was merged.</source>
        <translation>Nada que revisar: todos los cambios que envió este portátil se combinaron.</translation>
    </message>
</context>
<context>
    <name>heart::ui::TeamBoard</name>
    <message>
        <source>Team board</source>
        <translation>Tablero de equipos</translation>
    </message>
    <message>
        <source>Units and their status</source>
        <translation>Unidades y su estado</translation>
    </message>
</context>
<context>
    <name>heart::ui::TeamLeadHome</name>
    <message>
        <source>%1 cannot follow %2.</source>
        <translation>%1 no puede seguir a %2.</translation>
    </message>
    <message>
        <source>My unit</source>
        <translation>Mi unidad</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>You are not on a unit this shift.</source>
        <translation>No está en ninguna unidad en este turno.</translation>
    </message>
    <message>
        <source>%1 · %2 for %3</source>
        <translation>%1 · %2 desde hace %3</translation>
    </message>
    <message>
        <source>No call assigned.</source>
        <translation>Sin llamada asignada.</translation>
    </message>
    <message>
        <source>Dispatch to arrival: %1</source>
        <translation>Del despacho a la llegada: %1</translation>
    </message>
    <message>
        <source>On scene: %1</source>
        <translation>En el lugar: %1</translation>
    </message>
    <message>
        <source>Encounter note · call %1 · %2</source>
        <translation>Nota de intervención · llamada %1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2 · sent %3 · %4</source>
        <translation>%1 · %2 · enviada %3 · %4</translation>
    </message>
    <message>
        <source>note signed</source>
        <translation>nota firmada</translation>
    </message>
    <message>
        <source>note to finish</source>
        <translation>nota por terminar</translation>
    </message>
    <message>
        <source>No calls in the last 24 hours.</source>
        <translation>Sin llamadas en las últimas 24 horas.</translation>
    </message>
    <message>
        <source>My unit (F2)</source>
        <translation>Mi unidad (F2)</translation>
    </message>
    <message>
        <source>Encounter note (F3)</source>
        <translation>Nota de intervención (F3)</translation>
    </message>
    <message>
        <source>Safety plan (F4)</source>
        <translation>Plan de seguridad (F4)</translation>
    </message>
    <message>
        <source>Team board (F6)</source>
        <translation>Tablero de equipos (F6)</translation>
    </message>
    <message>
        <source>My unit's calls, last 24 hours (Enter opens the note):</source>
        <translation>Llamadas de mi unidad, últimas 24 horas (Intro abre la nota):</translation>
    </message>
    <message>
        <source>No call chosen: the note opens for the call your unit is on, or pick one of its calls on the first tab.</source>
        <translation>Ninguna llamada elegida: la nota se abre para la llamada en la que está su unidad, o elija una de sus llamadas en la primera pestaña.</translation>
    </message>
    <message>
        <source>The safety plan belongs to an encounter note: open the note first.</source>
        <translation>El plan de seguridad pertenece a una nota de intervención: abra primero la nota.</translation>
    </message>
    <message>
        <source>%1 was sent to call %2 (%3). F2 shows it and opens its note.</source>
        <translation>%1 fue enviada a la llamada %2 (%3). F2 la muestra y abre su nota.</translation>
    </message>
    <message>
        <source>%1 was changed at another workstation meanwhile: it is now %2. Check it and press the key again.</source>
        <translation>%1 se cambió mientras tanto en otro puesto: ahora está %2. Revíselo y pulse la tecla otra vez.</translation>
    </message>
    <message>
        <source>There is no callback number to copy.</source>
        <translation>No hay número de devolución de llamada para copiar.</translation>
    </message>
    <message>
        <source>Prior contacts (F5)</source>
        <translation>Contactos previos (F5)</translation>
    </message>
</context>
<context>
    <name>heart::ui::UnitBoardModel</name>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Despachada</translation>
    </message>
    <message>
        <source>En route</source>
        <translation>En camino</translation>
    </message>
    <message>
        <source>On scene</source>
        <translation>En el lugar</translation>
    </message>
    <message>
        <source>Transporting</source>
        <translation>Trasladando</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Libre de la llamada</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Desde hace</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>On the unit</source>
        <translation>En la unidad</translation>
    </message>
</context>
<context>
    <name>heart::ui::UnitCallPanel</name>
    <message>
        <source>Received:</source>
        <translation>Recibida:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <source>Flags and cautions:</source>
        <translation>Indicadores y precauciones:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Dispatched:</source>
        <translation>Enviada:</translation>
    </message>
    <message>
        <source>Callback number:</source>
        <translation>Número de devolución de llamada:</translation>
    </message>
    <message>
        <source>Caller:</source>
        <translation>Persona que llama:</translation>
    </message>
    <message>
        <source>C-SSRS (counselor):</source>
        <translation>C-SSRS (consejero):</translation>
    </message>
    <message>
        <source>Narrative:</source>
        <translation>Narración:</translation>
    </message>
    <message>
        <source>Addenda:</source>
        <translation>Adendas:</translation>
    </message>
    <message>
        <source>Copy (Ctrl+Shift+C)</source>
        <translation>Copiar (Ctrl+Mayús+C)</translation>
    </message>
    <message>
        <source>A known person: F5 shows the prior contacts.</source>
        <translation>Una persona conocida: F5 muestra los contactos previos.</translation>
    </message>
    <message>
        <source>Call %1 · %2 · risk: %3</source>
        <translation>Llamada %1 · %2 · riesgo: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>%1 (beat %2)</source>
        <translation>%1 (sector %2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>unos %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <source>%1 · interpreter needed</source>
        <translation>%1 · necesita intérprete</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>ninguno indicado</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not screened</source>
        <translation>sin evaluación</translation>
    </message>
    <message>
        <source>%1 · taken %2</source>
        <translation>%1 · realizada %2</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
</context>
<context>
    <name>heart::ui::UserAdminWidget</name>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Bloqueada hasta las %1</translation>
    </message>
    <message>
        <source>&amp;Deactivate account</source>
        <translation>&amp;Desactivar cuenta</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Se agregó la cuenta %1.</translation>
    </message>
    <message>
        <source>Roles of %1 saved.</source>
        <translation>Se guardaron los roles de %1.</translation>
    </message>
    <message>
        <source>Password of %1 reset; any lock is lifted.</source>
        <translation>Se restableció la contraseña de %1 y se quitó cualquier bloqueo.</translation>
    </message>
    <message>
        <source>Account %1 reactivated.</source>
        <translation>Se reactivó la cuenta %1.</translation>
    </message>
    <message>
        <source>Account %1 deactivated.</source>
        <translation>Se desactivó la cuenta %1.</translation>
    </message>
    <message>
        <source>Staff accounts and settings</source>
        <translation>Cuentas del personal y configuración</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <source>Selected account</source>
        <translation>Cuenta seleccionada</translation>
    </message>
    <message>
        <source>Save &amp;roles</source>
        <translation>Guardar r&amp;oles</translation>
    </message>
    <message>
        <source>R&amp;eset password</source>
        <translation>R&amp;establecer contraseña</translation>
    </message>
    <message>
        <source>Program settings</source>
        <translation>Configuración del programa</translation>
    </message>
    <message>
        <source>Rea&amp;ctivate account</source>
        <translation>&amp;Reactivar cuenta</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>N&amp;ueva contraseña:</translation>
    </message>
    <message>
        <source>Roles of %1 saved; the new password applies from now on.</source>
        <translation>Roles de %1 guardados; la contraseña nueva se aplica desde ahora.</translation>
    </message>
    <message>
        <source>Auto-lock, crisis services, the follow-up policy and the CAD's nature codes have a window of their own (View &gt; Program settings).</source>
        <translation>El bloqueo automático, los servicios de crisis, la política de seguimiento y los códigos de naturaleza del CAD tienen su propia ventana (Ver &gt; Configuración del programa).</translation>
    </message>
    <message>
        <source>Program settings… (Ctrl+Alt+G)</source>
        <translation>Configuración del programa… (Ctrl+Alt+G)</translation>
    </message>
</context>
<context>
    <name>heart::ui::VanSync</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>Sincroni&amp;zar ahora</translation>
    </message>
    <message>
        <source>Send this laptop's changes to the center and bring the center's (F9)</source>
        <translation>Enviar al centro los cambios de este portátil y traer los del centro (F9)</translation>
    </message>
    <message>
        <source>Review sync &amp;conflicts…</source>
        <translation>Revisar con&amp;flictos de sincronización…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Con conexión</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>última sincronización %1</translation>
    </message>
    <message>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 cambio pendiente</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 cambios pendientes</translation>
    </message>
    <message>
        <source>1 conflict to review</source>
        <translation>1 conflicto por revisar</translation>
    </message>
    <message>
        <source>%1 conflicts to review</source>
        <translation>%1 conflictos por revisar</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Último intento: %1</translation>
    </message>
    <message>
        <source>Connect to the center</source>
        <translation>Conectar con el centro</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Contraseña de %1:</translation>
    </message>
</context>
<context>
    <name>heart::ui::WeekHoursEditor</name>
    <message>
        <source>%1 %2–%3</source>
        <translation>%1 %2–%3</translation>
    </message>
    <message>
        <source>%1: open</source>
        <translation>%1: abierto</translation>
    </message>
    <message>
        <source>%1: open %2 minutes</source>
        <translation>%1: abierto %2 minutos</translation>
    </message>
    <message>
        <source>%1: closed</source>
        <translation>%1: cerrado</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Opening hours by weekday and half hour</source>
        <translation>Horario por día de la semana y media hora</translation>
    </message>
    <message>
        <source>Arrow keys move, Shift+arrows select, Shift+Space selects the day, Ctrl+Space the half hour on every day; Space toggles, Enter opens, Delete closes. Drag with the mouse to paint.</source>
        <translation>Las flechas mueven, Mayús+flechas seleccionan, Mayús+Espacio selecciona el día, Ctrl+Espacio la media hora en todos los días; Espacio alterna, Intro abre, Supr cierra. Arrastre con el ratón para pintar.</translation>
    </message>
</context>
<context>
    <name>heart::ui::WeekHoursGrid</name>
    <message>
        <source>%1 %2: open</source>
        <translation>%1 %2: abierto</translation>
    </message>
    <message>
        <source>%1 %2: open %3 minutes of the hour</source>
        <translation>%1 %2: abierto %3 minutos de la hora</translation>
    </message>
    <message>
        <source>%1 %2: closed</source>
        <translation>%1 %2: cerrado</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Opening hours by weekday and hour</source>
        <translation>Horario de atención por día de la semana y hora</translation>
    </message>
</context>
</TS>