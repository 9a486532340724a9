package io.fastrtc.jakarta.runtime.config;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The key holders ({@code IceKeys}, {@code AccessKeys}, {@code ClusterKeys}, {@code ServiceKeys})
 * are reached only through {@link ConfigKey}: a class that touched a holder first would initialise
 * it before {@code ConfigKey}, and {@code ConfigKey}'s constants of that holder would stay null.
 */
class ConfigKeyHoldersTest {

  @Test
  void onlyConfigKeyReachesTheHolders() {
    classes()
        .that()
        .resideInAPackage("io.fastrtc.jakarta.runtime.config")
        .and()
        .haveSimpleNameEndingWith("Keys")
        .should()
        .onlyBeAccessed()
        .byClassesThat()
        .haveNameMatching("io\\.fastrtc\\.jakarta\\.runtime\\.config\\.(ConfigKey|[A-Za-z]+Keys)")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.fastrtc.jakarta"));
  }

  @Test
  void everyConstantIsSetAndListedOnce() throws IllegalAccessException {
    Set<ConfigKey> constants = new HashSet<>();
    for (Field f : ConfigKey.class.getDeclaredFields()) {
      if (Modifier.isPublic(f.getModifiers()) && f.getType() == ConfigKey.class) {
        ConfigKey key = (ConfigKey) f.get(null);
        assertNotNull(key, f.getName());
        constants.add(key);
      }
    }
    assertEquals(43, constants.size());
    assertEquals(constants, Set.copyOf(ConfigKey.all()));
    assertEquals(ConfigKey.all().size(), constants.size());
  }
}
