# Runtime image of the operator. Build the jar first: ./mvnw -B -ntp -DskipTests package
FROM eclipse-temurin:17-jre
COPY operator/target/cpe-operator.jar /opt/cpe-operator/cpe-operator.jar
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/cpe-operator/cpe-operator.jar"]
